package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Hash;

/**
 * A <a href="https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki">BIP-32</a> extended
 * public key ({@code xpub…}, or {@code tpub…}): a secp256k1 public key plus a chain code, from
 * which non-hardened children derive without any private key (CKDpub).
 *
 * <p>{@link #parse} validates everything BIP-32 defines and refuses extended private keys. Treat an
 * xpub as confidential: it reveals every address below it, and together with any one non-hardened
 * child private key it yields the parent private key. {@link #toString()} therefore does not print
 * it; {@link #toBase58()} does. Instances are immutable.
 */
public final class ExtendedPublicKey {

  /** Child numbers at or above 2^31 are hardened and need the parent's private key. */
  public static final long HARDENED_OFFSET = 0x8000_0000L;

  /** The depth field is one byte. */
  static final int MAX_DEPTH = 255;

  private final int version;
  private final int depth;
  private final int parentFingerprint;
  private final int childNumber;
  private final byte[] chainCode;
  private final ECPoint publicKey;

  ExtendedPublicKey(
      int version,
      int depth,
      int parentFingerprint,
      int childNumber,
      byte[] chainCode,
      ECPoint publicKey) {
    this.version = version;
    this.depth = depth;
    this.parentFingerprint = parentFingerprint;
    this.childNumber = childNumber;
    this.chainCode = chainCode.clone();
    this.publicKey = publicKey;
  }

  /**
   * Parses a Base58Check-serialized {@code xpub…} or {@code tpub…}.
   *
   * @throws InvalidValueException on a bad character, length, checksum, version, depth-0 field,
   *     public key, or when given an extended private key; the message never repeats the input
   */
  public static ExtendedPublicKey parse(String text) {
    return ExtendedKeyCodec.parse(text);
  }

  /** The BIP-32 serialization, {@code xpub…}; {@code parse(k.toBase58())} equals {@code k}. */
  public String toBase58() {
    return ExtendedKeyCodec.encode(this);
  }

  /**
   * CKDpub: the non-hardened child {@code index}.
   *
   * @param index 0 to 2^31 - 1
   * @throws InvalidValueException for a hardened index (a negative {@code int}, i.e. ≥ 2^31
   *     unsigned) or below depth 255
   * @throws UnusableChildIndexException in the ~2^-127 case BIP-32 tells callers to skip
   */
  public ExtendedPublicKey child(int index) {
    if (index < 0) {
      throw new InvalidValueException(
          "child index "
              + Integer.toUnsignedString(index)
              + " is hardened (≥ 2^31): a hardened child needs the parent's private key, which"
              + " the node never holds; use an index from 0 to 2147483647");
    }
    if (depth == MAX_DEPTH) {
      throw new InvalidValueException("a key at depth 255, BIP-32's deepest, has no children");
    }
    byte[] parentKey = compressedPublicKey();
    byte[] data = ByteBuffer.allocate(parentKey.length + 4).put(parentKey).putInt(index).array();
    byte[] i = Secp256k1.hmacSha512(chainCode, data);
    ECPoint childKey =
        Secp256k1.addTweak(publicKey, Arrays.copyOf(i, 32))
            .orElseThrow(() -> new UnusableChildIndexException(index));
    return new ExtendedPublicKey(
        version,
        depth + 1,
        Secp256k1.fingerprint(parentKey),
        index,
        Arrays.copyOfRange(i, 32, 64),
        childKey);
  }

  /** Derives along a relative non-hardened path, e.g. {@code derive(0, i)} for {@code 0/i}. */
  public ExtendedPublicKey derive(int... path) {
    ExtendedPublicKey key = this;
    for (int index : path) {
      key = key.child(index);
    }
    return key;
  }

  /** The Ethereum address of this key: the last 20 bytes of keccak-256 of {@code X || Y}. */
  public Address address() {
    byte[] hash = Hash.sha3(Secp256k1.uncompressedXy(publicKey));
    return Address.of(Arrays.copyOfRange(hash, 12, 32));
  }

  /** 0 for a master key, 3 for a BIP-44 account key {@code m/44'/60'/a'}. */
  public int depth() {
    return depth;
  }

  /** This key's index under its parent, 0 to 2^32 - 1; hardened from {@link #HARDENED_OFFSET}. */
  public long childNumber() {
    return Integer.toUnsignedLong(childNumber);
  }

  /** The first 4 bytes of HASH160 of the parent's public key; 0 for a master key. */
  public int parentFingerprint() {
    return parentFingerprint;
  }

  int version() {
    return version;
  }

  byte[] chainCode() {
    return chainCode.clone();
  }

  byte[] compressedPublicKey() {
    return publicKey.getEncoded(true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendedPublicKey other
        && version == other.version
        && depth == other.depth
        && parentFingerprint == other.parentFingerprint
        && childNumber == other.childNumber
        && Arrays.equals(chainCode, other.chainCode)
        && publicKey.equals(other.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(chainCode) * 31 + publicKey.hashCode();
  }

  /** Identifies the key without revealing it (see the class comment). */
  @Override
  public String toString() {
    return String.format(
        "ExtendedPublicKey[depth %d, child %d, fingerprint %08x]",
        depth, childNumber(), Secp256k1.fingerprint(compressedPublicKey()));
  }
}
