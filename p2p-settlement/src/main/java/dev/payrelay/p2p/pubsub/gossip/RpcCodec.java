package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.p2p.core.ProtobufException;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes {@link Rpc} protobufs by hand. Encoding writes fields in ascending number and
 * only present ones, so a message's bytes are deterministic. Decoding skips unknown fields (newer
 * protocol versions add some), rejects a known field with the wrong wire type, and bounds every
 * string by {@link Topic#MAX_BYTES} and every message id by {@link MessageId#MAX_BYTES}.
 *
 * <p>Spec: see {@link Rpc}. Decoding throws {@link RpcFormatException} and nothing else.
 */
public final class RpcCodec {
  /** Default and js-libp2p's limit on one RPC (the length-prefixed body), 1 MiB. */
  public static final int DEFAULT_MAX_RPC_BYTES = 1 << 20;

  static final int RPC_SUBSCRIPTIONS = 1;
  static final int RPC_PUBLISH = 2;
  static final int RPC_CONTROL = 3;
  static final int SUB_SUBSCRIBE = 1;
  static final int SUB_TOPIC = 2;
  static final int MSG_FROM = 1;
  static final int MSG_DATA = 2;
  static final int MSG_SEQNO = 3;
  static final int MSG_TOPIC = 4;
  static final int MSG_SIGNATURE = 5;
  static final int MSG_KEY = 6;
  static final int CONTROL_IHAVE = 1;
  static final int CONTROL_IWANT = 2;
  static final int CONTROL_GRAFT = 3;
  static final int CONTROL_PRUNE = 4;
  static final int IHAVE_TOPIC = 1;
  static final int IHAVE_IDS = 2;
  static final int IWANT_IDS = 1;
  static final int GRAFT_TOPIC = 1;
  static final int PRUNE_TOPIC = 1;
  static final int PRUNE_PEERS = 2;
  static final int PRUNE_BACKOFF = 3;
  static final int PEER_INFO_ID = 1;
  static final int PEER_INFO_RECORD = 2;

  private RpcCodec() {}

  /** The protobuf bytes of {@code rpc} (without a length prefix). */
  public static byte[] encode(Rpc rpc) {
    ProtoWriter out = new ProtoWriter();
    for (Rpc.SubOpts sub : rpc.subscriptions()) {
      ProtoWriter w = new ProtoWriter().writeBool(SUB_SUBSCRIBE, sub.subscribe());
      if (sub.topicId() != null) {
        w.writeString(SUB_TOPIC, sub.topicId());
      }
      out.writeMessage(RPC_SUBSCRIPTIONS, w);
    }
    for (RpcMessage message : rpc.publish()) {
      out.writeBytes(RPC_PUBLISH, encodeMessage(message));
    }
    if (!rpc.control().isEmpty()) {
      out.writeMessage(RPC_CONTROL, encodeControl(rpc.control()));
    }
    return out.toByteArray();
  }

  /** The protobuf bytes of one {@code Message}, present fields only, in field order. */
  public static byte[] encodeMessage(RpcMessage message) {
    ProtoWriter w = new ProtoWriter();
    writeSigned(w, message);
    if (message.signature() != null) {
      w.writeBytes(MSG_SIGNATURE, message.signature());
    }
    if (message.key() != null) {
      w.writeBytes(MSG_KEY, message.key());
    }
    return w.toByteArray();
  }

  /** Fields 1–4 of a {@code Message}, the part StrictSign signs. */
  static byte[] encodeSignedPart(RpcMessage message) {
    ProtoWriter w = new ProtoWriter();
    writeSigned(w, message);
    return w.toByteArray();
  }

  private static void writeSigned(ProtoWriter w, RpcMessage message) {
    if (message.from() != null) {
      w.writeBytes(MSG_FROM, message.from());
    }
    if (message.data() != null) {
      w.writeBytes(MSG_DATA, message.data());
    }
    if (message.seqno() != null) {
      w.writeBytes(MSG_SEQNO, message.seqno());
    }
    if (message.topic() != null) {
      w.writeString(MSG_TOPIC, message.topic());
    }
  }

  private static ProtoWriter encodeControl(Rpc.Control control) {
    ProtoWriter w = new ProtoWriter();
    for (Rpc.IHave ihave : control.ihave()) {
      ProtoWriter e = new ProtoWriter();
      if (ihave.topicId() != null) {
        e.writeString(IHAVE_TOPIC, ihave.topicId());
      }
      ihave.messageIds().forEach(id -> e.writeBytes(IHAVE_IDS, id.toBytes()));
      w.writeMessage(CONTROL_IHAVE, e);
    }
    for (Rpc.IWant iwant : control.iwant()) {
      ProtoWriter e = new ProtoWriter();
      iwant.messageIds().forEach(id -> e.writeBytes(IWANT_IDS, id.toBytes()));
      w.writeMessage(CONTROL_IWANT, e);
    }
    for (Rpc.Graft graft : control.graft()) {
      ProtoWriter e = new ProtoWriter();
      if (graft.topicId() != null) {
        e.writeString(GRAFT_TOPIC, graft.topicId());
      }
      w.writeMessage(CONTROL_GRAFT, e);
    }
    for (Rpc.Prune prune : control.prune()) {
      w.writeMessage(CONTROL_PRUNE, encodePrune(prune));
    }
    return w;
  }

  private static ProtoWriter encodePrune(Rpc.Prune prune) {
    ProtoWriter e = new ProtoWriter();
    if (prune.topicId() != null) {
      e.writeString(PRUNE_TOPIC, prune.topicId());
    }
    for (Rpc.PeerInfo info : prune.peers()) {
      ProtoWriter p = new ProtoWriter();
      if (info.peerId() != null) {
        p.writeBytes(PEER_INFO_ID, info.peerId());
      }
      if (info.signedPeerRecord() != null) {
        p.writeBytes(PEER_INFO_RECORD, info.signedPeerRecord());
      }
      e.writeMessage(PRUNE_PEERS, p);
    }
    if (prune.backoffSeconds() != null) {
      e.writeVarint(PRUNE_BACKOFF, prune.backoffSeconds());
    }
    return e;
  }

  /**
   * Decodes one RPC body of at most {@code maxBytes}.
   *
   * @throws RpcTooLargeException if {@code bytes} is longer than {@code maxBytes}
   * @throws RpcFormatException for anything else that is not a valid RPC
   */
  public static Rpc decode(byte[] bytes, int maxBytes) {
    if (bytes.length > maxBytes) {
      throw new RpcTooLargeException(bytes.length, maxBytes);
    }
    try {
      return RpcDecoder.decode(new ProtoReader(bytes));
    } catch (ProtobufException e) {
      throw new RpcFormatException("malformed RPC: " + e.getMessage(), e);
    }
  }

  /** Decodes one RPC body with the {@linkplain #DEFAULT_MAX_RPC_BYTES default limit}. */
  public static Rpc decode(byte[] bytes) {
    return decode(bytes, DEFAULT_MAX_RPC_BYTES);
  }

  /** Field-by-field decoding; throws {@link ProtobufException}, wrapped by the caller. */
  private static final class RpcDecoder {
    static Rpc decode(ProtoReader r) {
      List<Rpc.SubOpts> subs = new ArrayList<>();
      List<RpcMessage> publish = new ArrayList<>();
      Rpc.Control control = Rpc.Control.EMPTY;
      while (r.next()) {
        switch (r.fieldNumber()) {
          case RPC_SUBSCRIPTIONS -> subs.add(subOpts(r.readMessage(Integer.MAX_VALUE)));
          case RPC_PUBLISH -> publish.add(message(r.readMessage(Integer.MAX_VALUE)));
          case RPC_CONTROL -> control = merge(control, control(r.readMessage(Integer.MAX_VALUE)));
          default -> r.skip();
        }
      }
      return new Rpc(subs, publish, control);
    }

    static Rpc.SubOpts subOpts(ProtoReader r) {
      boolean subscribe = false;
      String topic = null;
      while (r.next()) {
        switch (r.fieldNumber()) {
          case SUB_SUBSCRIBE -> subscribe = r.readBool();
          case SUB_TOPIC -> topic = r.readString(Topic.MAX_BYTES);
          default -> r.skip();
        }
      }
      return new Rpc.SubOpts(subscribe, topic);
    }

    static RpcMessage message(ProtoReader r) {
      byte[] from = null;
      byte[] data = null;
      byte[] seqno = null;
      String topic = null;
      byte[] signature = null;
      byte[] key = null;
      while (r.next()) {
        switch (r.fieldNumber()) {
          case MSG_FROM -> from = r.readBytes();
          case MSG_DATA -> data = r.readBytes();
          case MSG_SEQNO -> seqno = r.readBytes();
          case MSG_TOPIC -> topic = r.readString(Topic.MAX_BYTES);
          case MSG_SIGNATURE -> signature = r.readBytes();
          case MSG_KEY -> key = r.readBytes();
          default -> r.skip();
        }
      }
      return new RpcMessage(from, data, seqno, topic, signature, key);
    }

    static Rpc.Control control(ProtoReader r) {
      List<Rpc.IHave> ihave = new ArrayList<>();
      List<Rpc.IWant> iwant = new ArrayList<>();
      List<Rpc.Graft> graft = new ArrayList<>();
      List<Rpc.Prune> prune = new ArrayList<>();
      while (r.next()) {
        switch (r.fieldNumber()) {
          case CONTROL_IHAVE -> ihave.add(ihave(r.readMessage(Integer.MAX_VALUE)));
          case CONTROL_IWANT -> iwant.add(new Rpc.IWant(ids(r.readMessage(Integer.MAX_VALUE))));
          case CONTROL_GRAFT ->
              graft.add(new Rpc.Graft(topicOnly(r.readMessage(Integer.MAX_VALUE))));
          case CONTROL_PRUNE -> prune.add(prune(r.readMessage(Integer.MAX_VALUE)));
          default -> r.skip();
        }
      }
      return new Rpc.Control(ihave, iwant, graft, prune);
    }

    static Rpc.IHave ihave(ProtoReader r) {
      String topic = null;
      List<MessageId> ids = new ArrayList<>();
      while (r.next()) {
        switch (r.fieldNumber()) {
          case IHAVE_TOPIC -> topic = r.readString(Topic.MAX_BYTES);
          case IHAVE_IDS -> ids.add(messageId(r));
          default -> r.skip();
        }
      }
      return new Rpc.IHave(topic, ids);
    }

    static List<MessageId> ids(ProtoReader r) {
      List<MessageId> ids = new ArrayList<>();
      while (r.next()) {
        if (r.fieldNumber() == IWANT_IDS) {
          ids.add(messageId(r));
        } else {
          r.skip();
        }
      }
      return ids;
    }

    static MessageId messageId(ProtoReader r) {
      byte[] id = r.readBytes(MessageId.MAX_BYTES);
      if (id.length == 0) {
        throw new ProtobufException("empty message id");
      }
      return MessageId.of(id);
    }

    static String topicOnly(ProtoReader r) {
      String topic = null;
      while (r.next()) {
        if (r.fieldNumber() == GRAFT_TOPIC) {
          topic = r.readString(Topic.MAX_BYTES);
        } else {
          r.skip();
        }
      }
      return topic;
    }

    static Rpc.Prune prune(ProtoReader r) {
      String topic = null;
      List<Rpc.PeerInfo> peers = new ArrayList<>();
      Long backoff = null;
      while (r.next()) {
        switch (r.fieldNumber()) {
          case PRUNE_TOPIC -> topic = r.readString(Topic.MAX_BYTES);
          case PRUNE_PEERS -> peers.add(peerInfo(r.readMessage(Integer.MAX_VALUE)));
          case PRUNE_BACKOFF -> backoff = r.readVarint();
          default -> r.skip();
        }
      }
      return new Rpc.Prune(topic, peers, backoff);
    }

    static Rpc.PeerInfo peerInfo(ProtoReader r) {
      byte[] id = null;
      byte[] record = null;
      while (r.next()) {
        switch (r.fieldNumber()) {
          case PEER_INFO_ID -> id = r.readBytes();
          case PEER_INFO_RECORD -> record = r.readBytes();
          default -> r.skip();
        }
      }
      return new Rpc.PeerInfo(id, record);
    }

    /** Protobuf merges repeated occurrences of an embedded message field; so do we. */
    static Rpc.Control merge(Rpc.Control a, Rpc.Control b) {
      if (a.isEmpty()) {
        return b;
      }
      return new Rpc.Control(
          concat(a.ihave(), b.ihave()),
          concat(a.iwant(), b.iwant()),
          concat(a.graft(), b.graft()),
          concat(a.prune(), b.prune()));
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }
}
