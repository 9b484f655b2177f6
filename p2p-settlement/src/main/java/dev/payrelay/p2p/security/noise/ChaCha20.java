package dev.payrelay.p2p.security.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The ChaCha20 stream cipher of RFC 8439 §2.3-2.4 (20 rounds, 256-bit key, 32-bit block counter,
 * 96-bit nonce), written for throughput on JDK 17, whose C2 has no ChaCha20 intrinsic (JDK 20 added
 * one).
 *
 * <p>How: runs of at least {@link #SIMD_MIN_BLOCKS} whole blocks go to {@link ChaCha20Lanes}, which
 * computes up to 256 blocks at once in a form C2 vectorises. Shorter runs, the final partial block
 * and the Poly1305 key block are computed one at a time with the 16 state words in local {@code
 * int} variables (not an array), so that C2 keeps what it can in registers through the 20 rounds.
 * Both XOR the keystream into the data 8 bytes at a time through a little-endian {@code long} view
 * of the byte arrays. Nothing is allocated per block or per message; the lanes (16 KiB) are
 * allocated with the first long message.
 *
 * <p>An instance holds one key and is not thread-safe. Input and output may be the same array at
 * the same offset.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8439#section-2.3">RFC 8439 §2.3, the block
 *     function</a>
 */
final class ChaCha20 {

  /** Size of the key, in bytes. */
  static final int KEY_BYTES = 32;

  /** Size of the nonce, in bytes (three little-endian words). */
  static final int NONCE_BYTES = 12;

  /** Size of one keystream block, in bytes. */
  static final int BLOCK_BYTES = 64;

  /**
   * Whole blocks from which {@link ChaCha20Lanes} computes them: below this the SIMD loop would run
   * mostly in its scalar pre- and post-loops.
   */
  static final int SIMD_MIN_BLOCKS = 32;

  /** Words in the state. */
  private static final int WORDS = 16;

  /** Rounds of the block function, as pairs of a column round and a diagonal round. */
  private static final int DOUBLE_ROUNDS = 10;

  // "expand 32-byte k" as four little-endian words (RFC 8439 §2.3).
  private static final int C0 = 0x61707865;
  private static final int C1 = 0x3320646e;
  private static final int C2 = 0x79622d32;
  private static final int C3 = 0x6b206574;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The input state: constants, key, counter (unused: passed per block) and nonce (per call). */
  private final int[] input = new int[WORDS];

  private final byte[] scratch = new byte[BLOCK_BYTES];
  private ChaCha20Lanes lanes;

  ChaCha20(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a ChaCha20 key is " + KEY_BYTES + " bytes, got " + key.length);
    }
    input[0] = C0;
    input[1] = C1;
    input[2] = C2;
    input[3] = C3;
    for (int i = 0; i < KEY_BYTES / Integer.BYTES; i++) {
      input[4 + i] = (int) INT_LE.get(key, Integer.BYTES * i);
    }
  }

  /** The nonce word {@code i} (0..2) of a 12-byte nonce, little-endian as the state reads it. */
  static int nonceWord(byte[] nonce, int i) {
    return (int) INT_LE.get(nonce, 4 * i);
  }

  /**
   * Encrypts (or decrypts: it is the same) {@code in[inOff, inOff+len)} into {@code out} at {@code
   * outOff}, with the keystream starting at block {@code counter}. The caller keeps {@code counter
   * + ceil(len / 64)} within 32 bits (a Java array is shorter than 2<sup>31</sup> bytes, so any
   * start counter below 2<sup>32</sup>−2<sup>25</sup> is safe).
   */
  void xor(
      int counter, int n0, int n1, int n2, byte[] in, int inOff, int len, byte[] out, int outOff) {
    setNonce(n0, n1, n2);
    int wholeBlocks = len / BLOCK_BYTES;
    int done = 0;
    while (wholeBlocks - done >= SIMD_MIN_BLOCKS) {
      if (lanes == null) {
        lanes = new ChaCha20Lanes();
      }
      int blocks = Math.min(ChaCha20Lanes.LANES, wholeBlocks - done);
      int at = done * BLOCK_BYTES;
      lanes.xor(input, counter + done, blocks, in, inOff + at, out, outOff + at);
      done += blocks;
    }
    for (; done < wholeBlocks; done++) {
      int at = done * BLOCK_BYTES;
      xorBlock(counter + done, in, inOff + at, out, outOff + at);
    }
    int whole = wholeBlocks * BLOCK_BYTES;
    int tail = len - whole;
    if (tail > 0) {
      Arrays.fill(scratch, (byte) 0);
      xorBlock(counter + wholeBlocks, scratch, 0, scratch, 0);
      for (int i = 0; i < tail; i++) {
        out[outOff + whole + i] = (byte) (in[inOff + whole + i] ^ scratch[i]);
      }
    }
  }

  /** Writes the 64-byte keystream block {@code counter} (RFC 8439 §2.3's serialised state). */
  void keystream(int counter, int n0, int n1, int n2, byte[] out, int outOff) {
    setNonce(n0, n1, n2);
    Arrays.fill(out, outOff, outOff + BLOCK_BYTES, (byte) 0);
    xorBlock(counter, out, outOff, out, outOff);
  }

  private void setNonce(int n0, int n1, int n2) {
    input[13] = n0;
    input[14] = n1;
    input[15] = n2;
  }

  /**
   * One block in scalar locals: the 20 rounds on the state, added to the input state, XORed into 64
   * bytes of data. The rounds are written out twice on purpose, here and in {@link ChaCha20Lanes}:
   * Java cannot share a body that updates sixteen variables except through an array, which is what
   * this path avoids, and one method cannot serve both, because C2 compiles a loop once for the
   * trip counts it profiled first (see {@link ChaCha20Lanes}).
   */
  private void xorBlock(int counter, byte[] in, int inOff, byte[] out, int outOff) {
    final int[] s = input;
    int x0 = s[0];
    int x1 = s[1];
    int x2 = s[2];
    int x3 = s[3];
    int x4 = s[4];
    int x5 = s[5];
    int x6 = s[6];
    int x7 = s[7];
    int x8 = s[8];
    int x9 = s[9];
    int x10 = s[10];
    int x11 = s[11];
    int x12 = counter;
    int x13 = s[13];
    int x14 = s[14];
    int x15 = s[15];
    for (int i = 0; i < DOUBLE_ROUNDS; i++) {
      // Column round: QUARTERROUND(0,4,8,12), (1,5,9,13), (2,6,10,14), (3,7,11,15).
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 16);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 12);
      x0 += x4;
      x12 = Integer.rotateLeft(x12 ^ x0, 8);
      x8 += x12;
      x4 = Integer.rotateLeft(x4 ^ x8, 7);

      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 16);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 12);
      x1 += x5;
      x13 = Integer.rotateLeft(x13 ^ x1, 8);
      x9 += x13;
      x5 = Integer.rotateLeft(x5 ^ x9, 7);

      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 16);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 12);
      x2 += x6;
      x14 = Integer.rotateLeft(x14 ^ x2, 8);
      x10 += x14;
      x6 = Integer.rotateLeft(x6 ^ x10, 7);

      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 16);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 12);
      x3 += x7;
      x15 = Integer.rotateLeft(x15 ^ x3, 8);
      x11 += x15;
      x7 = Integer.rotateLeft(x7 ^ x11, 7);

      // Diagonal round: QUARTERROUND(0,5,10,15), (1,6,11,12), (2,7,8,13), (3,4,9,14).
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 16);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 12);
      x0 += x5;
      x15 = Integer.rotateLeft(x15 ^ x0, 8);
      x10 += x15;
      x5 = Integer.rotateLeft(x5 ^ x10, 7);

      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 16);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 12);
      x1 += x6;
      x12 = Integer.rotateLeft(x12 ^ x1, 8);
      x11 += x12;
      x6 = Integer.rotateLeft(x6 ^ x11, 7);

      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 16);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 12);
      x2 += x7;
      x13 = Integer.rotateLeft(x13 ^ x2, 8);
      x8 += x13;
      x7 = Integer.rotateLeft(x7 ^ x8, 7);

      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 16);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 12);
      x3 += x4;
      x14 = Integer.rotateLeft(x14 ^ x3, 8);
      x9 += x14;
      x4 = Integer.rotateLeft(x4 ^ x9, 7);
    }
    xor8(in, inOff, out, outOff, x0 + s[0], x1 + s[1]);
    xor8(in, inOff + 8, out, outOff + 8, x2 + s[2], x3 + s[3]);
    xor8(in, inOff + 16, out, outOff + 16, x4 + s[4], x5 + s[5]);
    xor8(in, inOff + 24, out, outOff + 24, x6 + s[6], x7 + s[7]);
    xor8(in, inOff + 32, out, outOff + 32, x8 + s[8], x9 + s[9]);
    xor8(in, inOff + 40, out, outOff + 40, x10 + s[10], x11 + s[11]);
    xor8(in, inOff + 48, out, outOff + 48, x12 + counter, x13 + s[13]);
    xor8(in, inOff + 56, out, outOff + 56, x14 + s[14], x15 + s[15]);
  }

  /** XORs two keystream words (low word first: little-endian) into 8 bytes. */
  static void xor8(byte[] in, int inOff, byte[] out, int outOff, int low, int high) {
    long keystream = (low & 0xffff_ffffL) | ((long) high << 32);
    LONG_LE.set(out, outOff, (long) LONG_LE.get(in, inOff) ^ keystream);
  }
}
