package dev.payrelay.p2p.pubsub.gossip;

import java.util.Arrays;

/**
 * A pubsub {@code Message} exactly as on the wire, with proto2 field presence: a {@code null} field
 * is absent and is not encoded, which StrictSign depends on (the signature covers the encoding of
 * fields 1–4 as they are present).
 *
 * <pre>
 * Message { optional bytes from = 1; optional bytes data = 2; optional bytes seqno = 3;
 *           optional string topic = 4; optional bytes signature = 5; optional bytes key = 6; }
 * </pre>
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md#the-message">
 * pubsub "The Message"</a>. The arrays are shared, not copied: treat them as immutable.
 */
public record RpcMessage(
    byte[] from, byte[] data, byte[] seqno, String topic, byte[] signature, byte[] key) {

  /** The same message with {@code signature} and {@code key} replaced. */
  public RpcMessage withSignature(byte[] newSignature, byte[] newKey) {
    return new RpcMessage(from, data, seqno, topic, newSignature, newKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RpcMessage that
        && Arrays.equals(from, that.from)
        && Arrays.equals(data, that.data)
        && Arrays.equals(seqno, that.seqno)
        && java.util.Objects.equals(topic, that.topic)
        && Arrays.equals(signature, that.signature)
        && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(from);
    h = 31 * h + Arrays.hashCode(data);
    h = 31 * h + Arrays.hashCode(seqno);
    h = 31 * h + java.util.Objects.hashCode(topic);
    h = 31 * h + Arrays.hashCode(signature);
    return 31 * h + Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "RpcMessage[topic="
        + topic
        + ", data="
        + (data == null ? "-" : data.length + " bytes")
        + ", signed="
        + (signature != null)
        + "]";
  }
}
