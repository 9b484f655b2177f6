package dev.payrelay.p2p.pubsub;

import dev.payrelay.p2p.core.PeerId;
import java.util.Arrays;

/**
 * A message published on a topic, as the application sees it once its StrictSign signature has been
 * verified: the topic, the author ({@code from}), the author's 8-byte sequence number and the
 * payload. The bytes are copied in and out.
 */
public final class PubSubMessage {
  private final Topic topic;
  private final PeerId from;
  private final byte[] seqno;
  private final byte[] data;

  public PubSubMessage(Topic topic, PeerId from, byte[] seqno, byte[] data) {
    this.topic = topic;
    this.from = from;
    this.seqno = seqno.clone();
    this.data = data.clone();
  }

  public Topic topic() {
    return topic;
  }

  /** The peer that authored and signed the message (not necessarily the one that relayed it). */
  public PeerId from() {
    return from;
  }

  /** The author's sequence number, 8 bytes big-endian (a copy). */
  public byte[] seqno() {
    return seqno.clone();
  }

  /** The payload (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** Length of the payload in bytes. */
  public int dataLength() {
    return data.length;
  }

  byte[] dataView() {
    return data;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PubSubMessage that
        && topic.equals(that.topic)
        && from.equals(that.from)
        && Arrays.equals(seqno, that.seqno)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return ((topic.hashCode() * 31 + from.hashCode()) * 31 + Arrays.hashCode(seqno)) * 31
        + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "PubSubMessage[" + topic + ", from " + from + ", " + data.length + " bytes]";
  }
}
