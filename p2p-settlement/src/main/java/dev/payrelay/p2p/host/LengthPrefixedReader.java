package dev.payrelay.p2p.host;

import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.core.VarintException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Splits a stream's bytes into unsigned-varint-length-prefixed messages (the framing of identify,
 * gossipsub RPCs and most libp2p request protocols), from chunks of any size. Buffers at most one
 * message. Not thread-safe: use it from the stream's listener.
 *
 * <p>Spec: <a href="https://github.com/multiformats/unsigned-varint">unsigned-varint</a>.
 */
public final class LengthPrefixedReader {

  private final int maxMessageBytes;
  private byte[] buffer = new byte[0];
  private int filled;

  /** A reader that rejects messages longer than {@code maxMessageBytes}. */
  public LengthPrefixedReader(int maxMessageBytes) {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive");
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The varint length prefix followed by {@code message}. */
  public static byte[] frame(byte[] message) {
    byte[] prefix = Varint.encode(message.length);
    byte[] framed = Arrays.copyOf(prefix, prefix.length + message.length);
    System.arraycopy(message, 0, framed, prefix.length, message.length);
    return framed;
  }

  /**
   * Feeds {@code chunk}; returns the messages it completed, in order.
   *
   * @throws IOException for a malformed or oversized length prefix; the stream should be reset
   */
  public List<byte[]> feed(byte[] chunk) throws IOException {
    if (buffer.length - filled < chunk.length) {
      buffer = Arrays.copyOf(buffer, Math.max(filled + chunk.length, buffer.length * 2));
    }
    System.arraycopy(chunk, 0, buffer, filled, chunk.length);
    filled += chunk.length;
    List<byte[]> messages = new ArrayList<>();
    int start = 0;
    while (start < filled) {
      ByteBuffer view = ByteBuffer.wrap(buffer, start, filled - start);
      OptionalLong length;
      try {
        length = Varint.decode(view);
      } catch (VarintException e) {
        throw new IOException("bad length prefix: " + e.getMessage(), e);
      }
      if (length.isEmpty()) {
        if (filled - start >= Varint.encodedLength(maxMessageBytes)) {
          throw new IOException("length prefix above " + maxMessageBytes + " bytes");
        }
        break;
      }
      if (length.getAsLong() > maxMessageBytes) {
        throw new IOException(
            "message of " + length.getAsLong() + " bytes exceeds " + maxMessageBytes);
      }
      int bodyStart = view.position();
      int end = bodyStart + (int) length.getAsLong();
      if (end > filled) {
        break;
      }
      messages.add(Arrays.copyOfRange(buffer, bodyStart, end));
      start = end;
    }
    System.arraycopy(buffer, start, buffer, 0, filled - start);
    filled -= start;
    return messages;
  }

  /** Bytes of an incomplete message held. */
  public int bufferedBytes() {
    return filled;
  }
}
