package dev.payrelay.p2p.security.noise;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator of RFC 8439 §2.5, written for throughput on JDK 17 (no
 * intrinsic before JDK 20) without {@code BigInteger}.
 *
 * <p>How: the accumulator {@code h} and the clamped key {@code r} are kept as five 26-bit limbs,
 * each in a {@code long}, so that one 16-byte block costs 25 plain 64-bit multiplications whose
 * sums never overflow (every product is below 2<sup>56</sup>, every sum of five below
 * 2<sup>59</sup>), and no carry has to be propagated between limbs more than once per block. The
 * reduction modulo p = 2<sup>130</sup>−5 folds what lies above 2<sup>130</sup> back in multiplied
 * by 5 (2<sup>130</sup> ≡ 5), which is why the products of the high limbs use {@code 5·r}. The
 * final reduction and the addition of {@code s} are branch-free. Blocks are read as two
 * little-endian {@code long}s.
 *
 * <p>An instance is reusable: {@link #reset} loads a fresh one-time key, as the AEAD does for every
 * message. It is not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8439#section-2.5">RFC 8439 §2.5</a>
 */
final class Poly1305 {

  /** Size of the one-time key (r ‖ s), in bytes. */
  static final int KEY_BYTES = 32;

  /** Size of the tag, and of one message block, in bytes. */
  static final int TAG_BYTES = 16;

  private static final int BLOCK_BYTES = 16;
  private static final long LIMB_MASK = (1L << 26) - 1;

  /** The bit 2<sup>128</sup> that every full block gets, as it sits in the top limb. */
  private static final long FULL_BLOCK_BIT = 1L << 24;

  // RFC 8439 §2.5.1: clear the top four bits of r's bytes 3, 7, 11, 15 and the bottom two of 4, 8,
  // 12, as masks of r's two little-endian halves.
  private static final long CLAMP_LOW = 0x0fff_fffc_0fff_ffffL;
  private static final long CLAMP_HIGH = 0x0fff_fffc_0fff_fffcL;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long r0;
  private long r1;
  private long r2;
  private long r3;
  private long r4;
  private long s0;
  private long s1;
  private long h0;
  private long h1;
  private long h2;
  private long h3;
  private long h4;
  private final byte[] block = new byte[BLOCK_BYTES];

  /** Starts a new message under the one-time key {@code key[off, off+32)}: r, clamped, then s. */
  void reset(byte[] key, int off) {
    long low = (long) LONG_LE.get(key, off) & CLAMP_LOW;
    long high = (long) LONG_LE.get(key, off + 8) & CLAMP_HIGH;
    r0 = low & LIMB_MASK;
    r1 = (low >>> 26) & LIMB_MASK;
    r2 = ((low >>> 52) | (high << 12)) & LIMB_MASK;
    r3 = (high >>> 14) & LIMB_MASK;
    r4 = high >>> 40;
    s0 = (long) LONG_LE.get(key, off + 16);
    s1 = (long) LONG_LE.get(key, off + 24);
    h0 = 0;
    h1 = 0;
    h2 = 0;
    h3 = 0;
    h4 = 0;
  }

  /**
   * Authenticates {@code in[off, off+len)} followed by zeros up to a multiple of 16 bytes: the
   * {@code pad16} of the AEAD construction (RFC 8439 §2.8), where the padding is part of the
   * message and every block is a full one.
   */
  void updatePadded(byte[] in, int off, int len) {
    update(in, off, len, false);
  }

  /**
   * Authenticates {@code in[off, off+len)} as the end of a plain Poly1305 message (RFC 8439
   * §2.5.1): a final short block gets a 0x01 byte after its last byte instead of the
   * 2<sup>128</sup> bit. Nothing can follow it but {@link #finish}.
   */
  void updateLast(byte[] in, int off, int len) {
    update(in, off, len, true);
  }

  private void update(byte[] in, int off, int len, boolean shortLastBlock) {
    int whole = len & -BLOCK_BYTES;
    blocks(in, off, whole, FULL_BLOCK_BIT);
    int tail = len - whole;
    if (tail > 0) {
      Arrays.fill(block, (byte) 0);
      System.arraycopy(in, off + whole, block, 0, tail);
      if (shortLastBlock) {
        block[tail] = 1;
      }
      blocks(block, 0, BLOCK_BYTES, shortLastBlock ? 0 : FULL_BLOCK_BIT);
    }
  }

  /** Authenticates one full block made of two little-endian 64-bit numbers (the AEAD's lengths). */
  void updateLengths(long first, long second) {
    LONG_LE.set(block, 0, first);
    LONG_LE.set(block, 8, second);
    blocks(block, 0, BLOCK_BYTES, FULL_BLOCK_BIT);
  }

  /** Authenticates the full blocks of {@code in[off, off+len)}, len a multiple of 16. */
  private void blocks(byte[] in, int off, int len, long topBit) {
    long a0 = h0;
    long a1 = h1;
    long a2 = h2;
    long a3 = h3;
    long a4 = h4;
    final long m0 = r0;
    final long m1 = r1;
    final long m2 = r2;
    final long m3 = r3;
    final long m4 = r4;
    final long f1 = m1 * 5;
    final long f2 = m2 * 5;
    final long f3 = m3 * 5;
    final long f4 = m4 * 5;
    for (int end = off + len; off < end; off += BLOCK_BYTES) {
      long low = (long) LONG_LE.get(in, off);
      long high = (long) LONG_LE.get(in, off + 8);
      a0 += low & LIMB_MASK;
      a1 += (low >>> 26) & LIMB_MASK;
      a2 += ((low >>> 52) | (high << 12)) & LIMB_MASK;
      a3 += (high >>> 14) & LIMB_MASK;
      a4 += (high >>> 40) | topBit;

      long d0 = a0 * m0 + a1 * f4 + a2 * f3 + a3 * f2 + a4 * f1;
      long d1 = a0 * m1 + a1 * m0 + a2 * f4 + a3 * f3 + a4 * f2;
      long d2 = a0 * m2 + a1 * m1 + a2 * m0 + a3 * f4 + a4 * f3;
      long d3 = a0 * m3 + a1 * m2 + a2 * m1 + a3 * m0 + a4 * f4;
      long d4 = a0 * m4 + a1 * m3 + a2 * m2 + a3 * m1 + a4 * m0;

      d1 += d0 >>> 26;
      a0 = d0 & LIMB_MASK;
      d2 += d1 >>> 26;
      a1 = d1 & LIMB_MASK;
      d3 += d2 >>> 26;
      a2 = d2 & LIMB_MASK;
      d4 += d3 >>> 26;
      a3 = d3 & LIMB_MASK;
      a0 += (d4 >>> 26) * 5;
      a4 = d4 & LIMB_MASK;
      a1 += a0 >>> 26;
      a0 &= LIMB_MASK;
    }
    h0 = a0;
    h1 = a1;
    h2 = a2;
    h3 = a3;
    h4 = a4;
  }

  /** Writes the 16-byte tag (h mod p) + s mod 2<sup>128</sup> to {@code out[off, off+16)}. */
  void finish(byte[] out, int off) {
    // Carry h fully: once around (the top carry folds back times 5), then once more from the
    // bottom, after which h0..h3 are below 2^26 and h4 exceeds 2^26 only if h > p.
    long a0 = h0;
    long a1 = h1 + (a0 >>> 26);
    a0 &= LIMB_MASK;
    long a2 = h2 + (a1 >>> 26);
    a1 &= LIMB_MASK;
    long a3 = h3 + (a2 >>> 26);
    a2 &= LIMB_MASK;
    long a4 = h4 + (a3 >>> 26);
    a3 &= LIMB_MASK;
    a0 += (a4 >>> 26) * 5;
    a4 &= LIMB_MASK;
    a1 += a0 >>> 26;
    a0 &= LIMB_MASK;
    a2 += a1 >>> 26;
    a1 &= LIMB_MASK;
    a3 += a2 >>> 26;
    a2 &= LIMB_MASK;
    a4 += a3 >>> 26;
    a3 &= LIMB_MASK;

    // g = h + 5 - 2^130; when g is not negative, h >= p and h - p = g is the reduced value.
    long g0 = a0 + 5;
    long g1 = a1 + (g0 >>> 26);
    g0 &= LIMB_MASK;
    long g2 = a2 + (g1 >>> 26);
    g1 &= LIMB_MASK;
    long g3 = a3 + (g2 >>> 26);
    g2 &= LIMB_MASK;
    long g4 = a4 + (g3 >>> 26) - (1L << 26);
    g3 &= LIMB_MASK;
    long keepH = g4 >> 63; // all ones when g < 0, that is when h < p
    long keepG = ~keepH;
    a0 = (a0 & keepH) | (g0 & keepG);
    a1 = (a1 & keepH) | (g1 & keepG);
    a2 = (a2 & keepH) | (g2 & keepG);
    a3 = (a3 & keepH) | (g3 & keepG);
    a4 = (a4 & keepH) | (g4 & keepG);

    long low = a0 | (a1 << 26) | (a2 << 52);
    long high = (a2 >>> 12) | (a3 << 14) | (a4 << 40);
    long sumLow = low + s0;
    long carry = ((low & s0) | ((low | s0) & ~sumLow)) >>> 63;
    LONG_LE.set(out, off, sumLow);
    LONG_LE.set(out, off + 8, high + s1 + carry);
  }

  /** The tag of a whole message under a one-time key: for tests against RFC 8439's vectors. */
  static byte[] mac(byte[] key, byte[] message) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a Poly1305 key is " + KEY_BYTES + " bytes, got " + key.length);
    }
    Poly1305 poly = new Poly1305();
    poly.reset(key, 0);
    poly.updateLast(message, 0, message.length);
    byte[] tag = new byte[TAG_BYTES];
    poly.finish(tag, 0);
    return tag;
  }
}
