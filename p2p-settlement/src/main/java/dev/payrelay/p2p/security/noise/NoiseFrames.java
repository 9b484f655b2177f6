package dev.payrelay.p2p.security.noise;

import java.util.ArrayList;
import java.util.List;

/**
 * The noise-libp2p wire format: every Noise message travels as a 2-byte big-endian length followed
 * by that many bytes. A Noise message is at most 65,535 bytes and a transport message carries a
 * 16-byte tag, so one frame holds at most {@value #MAX_FRAME_PLAINTEXT_BYTES} bytes of plaintext;
 * longer writes are split, and the reader reassembles nothing: each frame decrypts on its own
 * (Yamux frames may span Noise frames, several may share one). See {@link NoiseFrameDecoder} for
 * the reading side.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/noise/README.md#wire-format">
 *     noise-libp2p, Wire Format</a>
 */
public final class NoiseFrames {

  /** Size of the big-endian length prefix, in bytes. */
  public static final int LENGTH_PREFIX_BYTES = 2;

  /** Largest Noise message, and so largest frame body, in bytes (Noise §3). */
  public static final int MAX_FRAME_BYTES = 65_535;

  /** Largest plaintext one transport frame carries, in bytes: 65,535 minus the 16-byte tag. */
  public static final int MAX_FRAME_PLAINTEXT_BYTES = 65_519; // MAX_FRAME_BYTES - TAG_BYTES

  private NoiseFrames() {}

  /** Prefixes one Noise message (handshake or transport) with its 2-byte big-endian length. */
  public static byte[] frame(byte[] noiseMessage) throws NoiseFrameException {
    if (noiseMessage.length > MAX_FRAME_BYTES) {
      throw new NoiseFrameException(
          "a Noise frame holds at most "
              + MAX_FRAME_BYTES
              + " bytes, got a message of "
              + noiseMessage.length);
    }
    byte[] framed = new byte[LENGTH_PREFIX_BYTES + noiseMessage.length];
    framed[0] = (byte) (noiseMessage.length >>> 8);
    framed[1] = (byte) noiseMessage.length;
    System.arraycopy(noiseMessage, 0, framed, LENGTH_PREFIX_BYTES, noiseMessage.length);
    return framed;
  }

  /**
   * Encrypts {@code plaintext} with {@code sender} into as many length-prefixed frames as it needs,
   * each with at most {@value #MAX_FRAME_PLAINTEXT_BYTES} bytes of plaintext. An empty plaintext
   * yields no frame.
   */
  public static List<byte[]> encrypt(CipherState sender, byte[] plaintext) throws NoiseException {
    List<byte[]> frames = new ArrayList<>(chunkCount(plaintext.length));
    for (int offset = 0; offset < plaintext.length; offset += MAX_FRAME_PLAINTEXT_BYTES) {
      int length = Math.min(MAX_FRAME_PLAINTEXT_BYTES, plaintext.length - offset);
      byte[] framed = sender.encryptInto(LENGTH_PREFIX_BYTES, plaintext, offset, length);
      int body = framed.length - LENGTH_PREFIX_BYTES;
      framed[0] = (byte) (body >>> 8);
      framed[1] = (byte) body;
      frames.add(framed);
    }
    return frames;
  }

  /**
   * Encrypts {@code plaintext} into exactly one frame.
   *
   * @throws NoiseFrameException if it is longer than {@value #MAX_FRAME_PLAINTEXT_BYTES} bytes
   */
  public static byte[] encryptOne(CipherState sender, byte[] plaintext) throws NoiseException {
    if (plaintext.length > MAX_FRAME_PLAINTEXT_BYTES) {
      throw new NoiseFrameException(
          "one Noise frame carries at most "
              + MAX_FRAME_PLAINTEXT_BYTES
              + " bytes of plaintext, got "
              + plaintext.length);
    }
    return frame(sender.encrypt(plaintext));
  }

  /** Number of frames {@link #encrypt} produces for a plaintext of this many bytes. */
  public static int chunkCount(int plaintextBytes) {
    return (plaintextBytes + MAX_FRAME_PLAINTEXT_BYTES - 1) / MAX_FRAME_PLAINTEXT_BYTES;
  }
}
