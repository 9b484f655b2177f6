package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.pubsub.MessageId;
import java.util.Arrays;
import java.util.List;

/**
 * One gossipsub RPC as it travels on a {@code /meshsub/*} stream: subscription changes, published
 * messages and control messages. Plain data; {@link RpcCodec} turns it into bytes and back.
 *
 * <pre>
 * RPC            { repeated SubOpts subscriptions = 1; repeated Message publish = 2;
 *                  optional ControlMessage control = 3; }
 * SubOpts        { optional bool subscribe = 1; optional string topicid = 2; }
 * ControlMessage { repeated ControlIHave ihave = 1; repeated ControlIWant iwant = 2;
 *                  repeated ControlGraft graft = 3; repeated ControlPrune prune = 4; }
 * ControlIHave   { optional string topicID = 1; repeated bytes messageIDs = 2; }
 * ControlIWant   { repeated bytes messageIDs = 1; }
 * ControlGraft   { optional string topicID = 1; }
 * ControlPrune   { optional string topicID = 1; repeated PeerInfo peers = 2;
 *                  optional uint64 backoff = 3; }
 * PeerInfo       { optional bytes peerID = 1; optional bytes signedPeerRecord = 2; }
 * </pre>
 *
 * <p>Specs: <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md#the-rpc">pubsub
 * RPC</a>, <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#protobuf">
 * gossipsub v1.0 control</a>, <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#protobuf">
 * v1.1 PRUNE</a>. A {@code topicID} may be absent on the wire; the decoded record then holds {@code
 * null} and the router ignores the entry.
 */
public record Rpc(List<SubOpts> subscriptions, List<RpcMessage> publish, Control control) {
  /** An RPC with nothing in it. */
  public static final Rpc EMPTY = new Rpc(List.of(), List.of(), Control.EMPTY);

  public Rpc {
    subscriptions = List.copyOf(subscriptions);
    publish = List.copyOf(publish);
    control = control == null ? Control.EMPTY : control;
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && publish.isEmpty() && control.isEmpty();
  }

  /** A subscription change: subscribe (true) or unsubscribe (false) from {@code topicId}. */
  public record SubOpts(boolean subscribe, String topicId) {}

  /** The control part of an RPC; empty lists when absent. */
  public record Control(
      List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune) {
    public static final Control EMPTY = new Control(List.of(), List.of(), List.of(), List.of());

    public Control {
      ihave = List.copyOf(ihave);
      iwant = List.copyOf(iwant);
      graft = List.copyOf(graft);
      prune = List.copyOf(prune);
    }

    public boolean isEmpty() {
      return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty();
    }
  }

  /** "I have these recent messages of this topic" (gossip). */
  public record IHave(String topicId, List<MessageId> messageIds) {
    public IHave {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** "Send me these messages" (answer to an IHAVE). */
  public record IWant(List<MessageId> messageIds) {
    public IWant {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** "You are now in my mesh for this topic." */
  public record Graft(String topicId) {}

  /**
   * "You are no longer in my mesh for this topic"; v1.1 adds peer exchange and a backoff in seconds
   * ({@code null} when absent, as from v1.0 peers).
   */
  public record Prune(String topicId, List<PeerInfo> peers, Long backoffSeconds) {
    public Prune {
      peers = List.copyOf(peers);
    }
  }

  /** A peer offered in a PRUNE's peer exchange; either field may be {@code null} (absent). */
  public record PeerInfo(byte[] peerId, byte[] signedPeerRecord) {
    @Override
    public boolean equals(Object other) {
      return other instanceof PeerInfo that
          && Arrays.equals(peerId, that.peerId)
          && Arrays.equals(signedPeerRecord, that.signedPeerRecord);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(peerId) + Arrays.hashCode(signedPeerRecord);
    }

    @Override
    public String toString() {
      return "PeerInfo[" + (peerId == null ? "-" : peerId.length + " bytes") + "]";
    }
  }
}
