package dev.payrelay.p2p.pubsub;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The id of a pubsub message, as computed by a {@link MessageIdFunction}: opaque bytes (the wire
 * declares them {@code string} but implementations put arbitrary bytes there), 1 to {@value
 * #MAX_BYTES} long.
 */
public final class MessageId {
  /** Longest message id we accept in IHAVE/IWANT or compute. */
  public static final int MAX_BYTES = 256;

  private final byte[] bytes;
  private final int hash;

  private MessageId(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a message id is 1.." + MAX_BYTES + " bytes, not " + bytes.length);
    }
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** An id holding a copy of {@code bytes}. */
  public static MessageId of(byte[] bytes) {
    return new MessageId(bytes.clone());
  }

  /** The id bytes (a copy). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MessageId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Lowercase hex of the id. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
