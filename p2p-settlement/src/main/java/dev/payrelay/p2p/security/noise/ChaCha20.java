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
 * <p>Why it looks the way it does: the blocks of a message are independent, so up to {@link #LANES}
 * of them are computed at once, word-major: state word {@code w} of block {@code j} sits at index
 * {@code j} of the {@code w}-th lane array ({@code l0} to {@code l15}), and a double round is one
 * loop over the blocks whose body is the eight quarter rounds on plain {@code int} locals. C2's
 * superword pass turns that loop into SIMD code (AVX2 or AVX-512 where the CPU has them, rotations
 * included); measured on JDK 17, the 20 rounds then run several times as fast as one block at a
 * time. A scalar pass adds the input state and XORs the keystream into the data 8 bytes at a time,
 * through a little-endian {@code long} view of the byte arrays. A short message goes through the
 * same code with one block per pass. Nothing is allocated per block or per message: the lanes (16
 * KiB) and a 64-byte scratch block belong to the instance.
 *
 * <p>An instance holds one key and is not thread-safe (the lanes). Input and output may be the same
 * array at the same offset.
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
   * Blocks computed side by side (16 KiB of keystream): enough for the SIMD loop to dwarf its
   * set-up, while the lanes (16 KiB of {@code int}s) stay in the L1 cache.
   */
  static final int LANES = 256;

  /** Words in the state. */
  private static final int WORDS = 16;

  /** The state word that holds the block counter. */
  private static final int COUNTER_WORD = 12;

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

  /** The input state: constants, key, counter (set per block) and nonce (set per call). */
  private final int[] input = new int[WORDS];

  // The lanes: word w of the blocks being computed, one array per word (not an int[][], so that
  // the loops below read each without an extra indirection and bounds check).
  private final int[] l0 = new int[LANES];
  private final int[] l1 = new int[LANES];
  private final int[] l2 = new int[LANES];
  private final int[] l3 = new int[LANES];
  private final int[] l4 = new int[LANES];
  private final int[] l5 = new int[LANES];
  private final int[] l6 = new int[LANES];
  private final int[] l7 = new int[LANES];
  private final int[] l8 = new int[LANES];
  private final int[] l9 = new int[LANES];
  private final int[] l10 = new int[LANES];
  private final int[] l11 = new int[LANES];
  private final int[] l12 = new int[LANES];
  private final int[] l13 = new int[LANES];
  private final int[] l14 = new int[LANES];
  private final int[] l15 = new int[LANES];
  private final int[][] lanes = {
    l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15
  };
  private final byte[] scratch = new byte[BLOCK_BYTES];

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
    for (int done = 0; done < wholeBlocks; ) {
      int blocks = Math.min(LANES, wholeBlocks - done);
      int at = done * BLOCK_BYTES;
      computeBlocks(counter + done, blocks);
      xorBlocks(counter + done, blocks, in, inOff + at, out, outOff + at);
      done += blocks;
    }
    int whole = wholeBlocks * BLOCK_BYTES;
    int tail = len - whole;
    if (tail > 0) {
      Arrays.fill(scratch, (byte) 0);
      computeBlocks(counter + wholeBlocks, 1);
      xorBlocks(counter + wholeBlocks, 1, scratch, 0, scratch, 0);
      for (int i = 0; i < tail; i++) {
        out[outOff + whole + i] = (byte) (in[inOff + whole + i] ^ scratch[i]);
      }
    }
  }

  /** Writes the 64-byte keystream block {@code counter} (RFC 8439 §2.3's serialised state). */
  void keystream(int counter, int n0, int n1, int n2, byte[] out, int outOff) {
    setNonce(n0, n1, n2);
    Arrays.fill(out, outOff, outOff + BLOCK_BYTES, (byte) 0);
    computeBlocks(counter, 1);
    xorBlocks(counter, 1, out, outOff, out, outOff);
  }

  private void setNonce(int n0, int n1, int n2) {
    input[13] = n0;
    input[14] = n1;
    input[15] = n2;
  }

  /** Sets up blocks {@code counter .. counter+blocks-1} in the lanes and runs their 20 rounds. */
  private void computeBlocks(int counter, int blocks) {
    for (int w = 0; w < WORDS; w++) {
      Arrays.fill(lanes[w], 0, blocks, input[w]);
    }
    for (int j = 0; j < blocks; j++) {
      l12[j] = counter + j;
    }
    for (int i = 0; i < DOUBLE_ROUNDS; i++) {
      doubleRound(blocks);
    }
  }

  /**
   * A column round then a diagonal round on each of the first {@code blocks} blocks of the lanes:
   * one loop over the blocks, which C2 runs on SIMD registers, a block per vector element.
   */
  private void doubleRound(int blocks) {
    for (int j = 0; j < blocks; j++) {
      int x0 = l0[j];
      int x1 = l1[j];
      int x2 = l2[j];
      int x3 = l3[j];
      int x4 = l4[j];
      int x5 = l5[j];
      int x6 = l6[j];
      int x7 = l7[j];
      int x8 = l8[j];
      int x9 = l9[j];
      int x10 = l10[j];
      int x11 = l11[j];
      int x12 = l12[j];
      int x13 = l13[j];
      int x14 = l14[j];
      int x15 = l15[j];
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

      l0[j] = x0;
      l1[j] = x1;
      l2[j] = x2;
      l3[j] = x3;
      l4[j] = x4;
      l5[j] = x5;
      l6[j] = x6;
      l7[j] = x7;
      l8[j] = x8;
      l9[j] = x9;
      l10[j] = x10;
      l11[j] = x11;
      l12[j] = x12;
      l13[j] = x13;
      l14[j] = x14;
      l15[j] = x15;
    }
  }

  /**
   * Adds the input state to the first {@code blocks} blocks of the lanes (RFC 8439 §2.3: the
   * keystream is the rounds' output plus their input) and XORs that keystream into the data.
   */
  private void xorBlocks(int counter, int blocks, byte[] in, int inOff, byte[] out, int outOff) {
    final int[] s = input;
    for (int j = 0; j < blocks; j++) {
      int i = inOff + j * BLOCK_BYTES;
      int o = outOff + j * BLOCK_BYTES;
      xor8(in, i, out, o, l0[j] + s[0], l1[j] + s[1]);
      xor8(in, i + 8, out, o + 8, l2[j] + s[2], l3[j] + s[3]);
      xor8(in, i + 16, out, o + 16, l4[j] + s[4], l5[j] + s[5]);
      xor8(in, i + 24, out, o + 24, l6[j] + s[6], l7[j] + s[7]);
      xor8(in, i + 32, out, o + 32, l8[j] + s[8], l9[j] + s[9]);
      xor8(in, i + 40, out, o + 40, l10[j] + s[10], l11[j] + s[11]);
      xor8(in, i + 48, out, o + 48, l12[j] + counter + j, l13[j] + s[13]);
      xor8(in, i + 56, out, o + 56, l14[j] + s[14], l15[j] + s[15]);
    }
  }

  /** XORs two keystream words (low word first: little-endian) into 8 bytes. */
  private static void xor8(byte[] in, int inOff, byte[] out, int outOff, int low, int high) {
    long keystream = (low & 0xffff_ffffL) | ((long) high << 32);
    LONG_LE.set(out, outOff, (long) LONG_LE.get(in, inOff) ^ keystream);
  }
}
