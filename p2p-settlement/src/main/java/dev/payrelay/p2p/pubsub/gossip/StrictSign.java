package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.KeyFormatException;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PeerIdException;
import dev.payrelay.p2p.core.PublicKey;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import dev.payrelay.p2p.pubsub.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The StrictSign message signature policy: every message carries {@code from}, an 8-byte {@code
 * seqno} and a {@code signature} by {@code from}'s key over {@code "libp2p-pubsub:"} ‖ the protobuf
 * of the message's fields 1–4 (from, data, seqno, topic) exactly as present. The key travels in
 * {@code key} only when it cannot be inlined in the peer id (never for Ed25519); when present it
 * must be {@code from}'s key.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md#message-signing">
 * pubsub "Message Signing"</a>. Only Ed25519 keys can be verified here (see {@link
 * PublicKey#canVerify()}); messages signed by other key types fail with {@link
 * Failure#UNSUPPORTED_KEY}.
 */
public final class StrictSign {
  /** Prepended to the marshalled message before signing. */
  static final byte[] SIGN_PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

  /** Length of {@code seqno} that js-libp2p and go-libp2p send and js requires. */
  public static final int SEQNO_BYTES = 8;

  /** Why a message failed StrictSign verification. */
  public enum Failure {
    MISSING_FROM,
    INVALID_FROM,
    MISSING_SEQNO,
    INVALID_SEQNO,
    MISSING_TOPIC,
    INVALID_TOPIC,
    MISSING_SIGNATURE,
    INVALID_KEY,
    KEY_DOES_NOT_MATCH_FROM,
    NO_KEY,
    UNSUPPORTED_KEY,
    BAD_SIGNATURE
  }

  /** The outcome of {@link #verify}: exactly one of {@code message} and {@code failure} is set. */
  public record Verification(PubSubMessage message, Failure failure) {
    public boolean isValid() {
      return message != null;
    }
  }

  private StrictSign() {}

  /** A signed wire message by {@code key} on {@code topic}. */
  public static RpcMessage sign(Ed25519KeyPair key, Topic topic, byte[] data, byte[] seqno) {
    if (seqno.length != SEQNO_BYTES) {
      throw new IllegalArgumentException("seqno must be " + SEQNO_BYTES + " bytes");
    }
    RpcMessage unsigned =
        new RpcMessage(key.peerId().toBytes(), data, seqno, topic.name(), null, null);
    byte[] signature = key.sign(signingBytes(unsigned));
    byte[] publicKey =
        key.peerId().extractPublicKey().isPresent() ? null : key.publicKey().marshal();
    return unsigned.withSignature(signature, publicKey);
  }

  /** Checks {@code message} against the StrictSign policy. Never throws for bad input. */
  public static Verification verify(RpcMessage message) {
    Verification parsed = parse(message);
    if (!parsed.isValid()) {
      return parsed;
    }
    PubSubMessage claimed = parsed.message();
    if (message.signature() == null) {
      return failed(Failure.MISSING_SIGNATURE);
    }
    PublicKey key;
    if (message.key() != null) {
      try {
        key = PublicKey.unmarshal(message.key());
      } catch (KeyFormatException e) {
        return failed(Failure.INVALID_KEY);
      }
      if (!claimed.from().matches(key)) {
        return failed(Failure.KEY_DOES_NOT_MATCH_FROM);
      }
    } else {
      Optional<PublicKey> inlined = claimed.from().extractPublicKey();
      if (inlined.isEmpty()) {
        return failed(Failure.NO_KEY);
      }
      key = inlined.get();
    }
    if (!key.canVerify()) {
      return failed(Failure.UNSUPPORTED_KEY);
    }
    if (!key.verify(signingBytes(message), message.signature())) {
      return failed(Failure.BAD_SIGNATURE);
    }
    return parsed;
  }

  /**
   * The message as it claims to be, its signature not checked, or null if it is not even well
   * formed (then {@link #verify} says why): enough to compute its id.
   */
  static PubSubMessage claimed(RpcMessage message) {
    return parse(message).message();
  }

  /** The fields every message must have, parsed: {@code from}, {@code seqno}, {@code topic}. */
  private static Verification parse(RpcMessage message) {
    if (message.from() == null) {
      return failed(Failure.MISSING_FROM);
    }
    PeerId from;
    try {
      from = PeerId.fromBytes(message.from());
    } catch (PeerIdException e) {
      return failed(Failure.INVALID_FROM);
    }
    if (message.seqno() == null) {
      return failed(Failure.MISSING_SEQNO);
    }
    if (message.seqno().length != SEQNO_BYTES) {
      return failed(Failure.INVALID_SEQNO);
    }
    if (message.topic() == null) {
      return failed(Failure.MISSING_TOPIC);
    }
    Topic topic;
    try {
      topic = new Topic(message.topic());
    } catch (IllegalArgumentException e) {
      return failed(Failure.INVALID_TOPIC);
    }
    byte[] data = message.data() == null ? new byte[0] : message.data();
    return new Verification(new PubSubMessage(topic, from, message.seqno(), data), null);
  }

  /** {@code "libp2p-pubsub:"} ‖ the protobuf of fields 1–4 as present. */
  static byte[] signingBytes(RpcMessage message) {
    byte[] body = RpcCodec.encodeSignedPart(message);
    byte[] out = new byte[SIGN_PREFIX.length + body.length];
    System.arraycopy(SIGN_PREFIX, 0, out, 0, SIGN_PREFIX.length);
    System.arraycopy(body, 0, out, SIGN_PREFIX.length, body.length);
    return out;
  }

  private static Verification failed(Failure failure) {
    return new Verification(null, failure);
  }
}
