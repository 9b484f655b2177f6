package dev.payrelay.p2p.security.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles noise-libp2p frames (2-byte big-endian length, then the Noise message) from bytes
 * that arrive in arbitrary chunks: a frame split across reads, or several frames in one read. It
 * buffers at most one frame ({@value NoiseFrames#LENGTH_PREFIX_BYTES} + {@value
 * NoiseFrames#MAX_FRAME_BYTES} bytes). Pure and single-threaded; one instance per connection and
 * direction.
 *
 * <p>A length prefix above the configured limit, or below the 16-byte AEAD tag that every message
 * but the unencrypted first handshake message carries, is an error after which the decoder refuses
 * further input: the connection must be closed.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/noise/README.md#wire-format">
 *     noise-libp2p, Wire Format</a>
 */
public final class NoiseFrameDecoder {

  /** Smallest frame: a ciphertext is at least its tag, and a handshake message 1 is 32 bytes. */
  public static final int MIN_FRAME_BYTES = CipherState.TAG_BYTES;

  private final int maxFrameBytes;
  private final byte[] prefix = new byte[NoiseFrames.LENGTH_PREFIX_BYTES];
  private int prefixFilled;
  private byte[] body; // null while reading a prefix
  private int bodyFilled;
  private boolean failed;

  /** A decoder for frames of up to {@value NoiseFrames#MAX_FRAME_BYTES} bytes. */
  public NoiseFrameDecoder() {
    this(NoiseFrames.MAX_FRAME_BYTES);
  }

  /** A decoder that rejects frames longer than {@code maxFrameBytes}. */
  public NoiseFrameDecoder(int maxFrameBytes) {
    if (maxFrameBytes < MIN_FRAME_BYTES || maxFrameBytes > NoiseFrames.MAX_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "the frame limit must be within "
              + MIN_FRAME_BYTES
              + ".."
              + NoiseFrames.MAX_FRAME_BYTES
              + " bytes, got "
              + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  /** Feeds all of {@code chunk}; see {@link #feed(byte[], int, int)}. */
  public List<byte[]> feed(byte[] chunk) throws NoiseFrameException {
    return feed(chunk, 0, chunk.length);
  }

  /**
   * Feeds {@code chunk[offset, offset+length)} and returns the frame bodies (without their length
   * prefix) completed by it, in order; possibly none.
   */
  public List<byte[]> feed(byte[] chunk, int offset, int length) throws NoiseFrameException {
    if (failed) {
      throw new IllegalStateException("the decoder rejected a frame earlier; close the connection");
    }
    if (offset < 0 || length < 0 || offset > chunk.length - length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside 0.." + chunk.length);
    }
    List<byte[]> frames = new ArrayList<>();
    int position = offset;
    int end = offset + length;
    while (position < end) {
      if (body == null) {
        int n = Math.min(prefix.length - prefixFilled, end - position);
        System.arraycopy(chunk, position, prefix, prefixFilled, n);
        prefixFilled += n;
        position += n;
        if (prefixFilled == prefix.length) {
          body = new byte[checkedLength(((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff))];
          bodyFilled = 0;
          prefixFilled = 0;
        }
      } else {
        int n = Math.min(body.length - bodyFilled, end - position);
        System.arraycopy(chunk, position, body, bodyFilled, n);
        bodyFilled += n;
        position += n;
      }
      if (body != null && bodyFilled == body.length) {
        frames.add(body);
        body = null;
      }
    }
    return frames;
  }

  /** Bytes received that belong to a frame not yet complete (prefix included). */
  public int bufferedBytes() {
    return body == null ? prefixFilled : NoiseFrames.LENGTH_PREFIX_BYTES + bodyFilled;
  }

  private int checkedLength(int length) throws NoiseFrameException {
    if (length > maxFrameBytes || length < MIN_FRAME_BYTES) {
      failed = true;
      Arrays.fill(prefix, (byte) 0);
      throw new NoiseFrameException(
          "a Noise frame's length prefix says "
              + length
              + " bytes, outside "
              + MIN_FRAME_BYTES
              + ".."
              + maxFrameBytes);
    }
    return length;
  }
}
