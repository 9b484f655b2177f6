package dev.payrelay.p2p.security.noise;

import java.util.Arrays;

/**
 * ChaCha20 blocks computed {@link #LANES} at a time for {@link ChaCha20}, so that C2 vectorises the
 * rounds: the blocks of a message are independent, so they are laid out word-major (state word
 * {@code w} of block {@code j} at index {@code j} of lane array {@code lw}), and a double round is
 * one loop over the blocks whose body is the eight quarter rounds on plain {@code int} locals. C2's
 * superword pass turns that loop into SIMD code (AVX2 or AVX-512 where the CPU has them, rotations
 * included): measured on JDK 17 with 64 KiB messages, about 2.5 times as fast as one block at a
 * time in scalar locals. A scalar pass then adds the input state and XORs the keystream into the
 * data 8 bytes at a time.
 *
 * <p>Only groups of at least {@link ChaCha20#SIMD_MIN_BLOCKS} blocks come here. That matters: C2
 * unrolls (and so vectorises) a loop according to the trip counts it profiled, and a loop that
 * first saw one-block messages (a handshake, small frames) stays scalar for the JVM's life.
 *
 * <p>The lanes are 16 KiB of {@code int}s, which stay in the L1 cache. Not thread-safe.
 */
final class ChaCha20Lanes {

  /** Blocks computed side by side at most (16 KiB of keystream). */
  static final int LANES = 256;

  private static final int WORDS = 16;
  private static final int DOUBLE_ROUNDS = 10;
  private static final int BLOCK_BYTES = ChaCha20.BLOCK_BYTES;

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

  /**
   * XORs the keystream of blocks {@code counter .. counter+blocks-1} under the input state {@code
   * input} (its counter word ignored) into {@code blocks * 64} bytes of data.
   */
  void xor(int[] input, int counter, int blocks, byte[] in, int inOff, byte[] out, int outOff) {
    computeBlocks(input, counter, blocks);
    xorBlocks(input, counter, blocks, in, inOff, out, outOff);
  }

  /** Sets up blocks {@code counter .. counter+blocks-1} in the lanes and runs their 20 rounds. */
  private void computeBlocks(int[] input, int counter, int blocks) {
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
  private void xorBlocks(
      int[] input, int counter, int blocks, byte[] in, int inOff, byte[] out, int outOff) {
    final int[] s = input;
    for (int j = 0; j < blocks; j++) {
      int i = inOff + j * BLOCK_BYTES;
      int o = outOff + j * BLOCK_BYTES;
      ChaCha20.xor8(in, i, out, o, l0[j] + s[0], l1[j] + s[1]);
      ChaCha20.xor8(in, i + 8, out, o + 8, l2[j] + s[2], l3[j] + s[3]);
      ChaCha20.xor8(in, i + 16, out, o + 16, l4[j] + s[4], l5[j] + s[5]);
      ChaCha20.xor8(in, i + 24, out, o + 24, l6[j] + s[6], l7[j] + s[7]);
      ChaCha20.xor8(in, i + 32, out, o + 32, l8[j] + s[8], l9[j] + s[9]);
      ChaCha20.xor8(in, i + 40, out, o + 40, l10[j] + s[10], l11[j] + s[11]);
      ChaCha20.xor8(in, i + 48, out, o + 48, l12[j] + counter + j, l13[j] + s[13]);
      ChaCha20.xor8(in, i + 56, out, o + 56, l14[j] + s[14], l15[j] + s[15]);
    }
  }
}
