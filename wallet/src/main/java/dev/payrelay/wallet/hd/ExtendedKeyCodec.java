package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.InvalidValueException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 78-byte BIP-32 serialization of an extended public key, in Base58Check: version (4), depth
 * (1), parent fingerprint (4), child number (4), chain code (32), compressed public key (33).
 *
 * @see <a
 *     href="https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki#serialization-format">BIP-32
 *     serialization format</a>
 */
final class ExtendedKeyCodec {

  static final int PAYLOAD_BYTES = 78;
  static final int CHAIN_CODE_BYTES = 32;

  /** Mainnet public, {@code xpub…}. */
  static final int XPUB = 0x0488B21E;

  /** Testnet public, {@code tpub…}. */
  static final int TPUB = 0x043587CF;

  /** Private versions: BIP-32's xprv and tprv, SLIP-132's yprv/zprv/Yprv/Zprv and testnet kin. */
  private static final Set<Integer> PRIVATE_VERSIONS =
      Set.of(
          0x0488ADE4,
          0x04358394,
          0x049D7878,
          0x04B2430C,
          0x0295B005,
          0x02AA7A99,
          0x044A4E28,
          0x045F18BC,
          0x024285B5,
          0x02575048);

  /** Base58 of a private version starts with a letter and "prv" (xprv, tprv, zprv…). */
  private static final Pattern PRIVATE_PREFIX = Pattern.compile("[a-zA-Z]prv");

  /** A serialized key is 111 Base58 characters; anything much longer is not worth decoding. */
  private static final int MAX_TEXT_CHARS = 120;

  private static final String WHAT = "the extended public key";

  private ExtendedKeyCodec() {}

  static ExtendedPublicKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException(WHAT + " (xpub…) is missing");
    }
    String trimmed = text.strip();
    if (PRIVATE_PREFIX.matcher(trimmed).lookingAt()) {
      throw privateKeyGiven("");
    }
    if (trimmed.length() > MAX_TEXT_CHARS) {
      throw new InvalidValueException(
          WHAT + " has the wrong length: 111 characters expected, got " + trimmed.length());
    }
    return decode(Base58Check.decode(trimmed, PAYLOAD_BYTES, WHAT));
  }

  static ExtendedPublicKey decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    int version = in.getInt();
    if (PRIVATE_VERSIONS.contains(version)) {
      throw privateKeyGiven("");
    }
    if (version != XPUB && version != TPUB) {
      throw new InvalidValueException(
          String.format(
              "%s has the unknown version 0x%08x; expected an xpub (0x%08x) or a tpub (0x%08x)",
              WHAT, version, XPUB, TPUB));
    }
    int depth = in.get() & 0xFF;
    int parentFingerprint = in.getInt();
    int childNumber = in.getInt();
    byte[] chainCode = new byte[CHAIN_CODE_BYTES];
    in.get(chainCode);
    byte[] key = new byte[Secp256k1.COMPRESSED_KEY_BYTES];
    in.get(key);
    if (depth == 0 && parentFingerprint != 0) {
      throw new InvalidValueException(
          String.format(
              "%s is a master key (depth 0) but has parent fingerprint %08x; a master key has"
                  + " no parent, so the field must be 00000000",
              WHAT, parentFingerprint));
    }
    if (depth == 0 && childNumber != 0) {
      throw new InvalidValueException(
          WHAT
              + " is a master key (depth 0) but has child number "
              + Integer.toUnsignedString(childNumber)
              + "; a master key is no one's child, so the field must be 0");
    }
    if (key[0] == 0x00) {
      throw privateKeyGiven(
          "the key data starts with 0x00, which is how BIP-32 serializes a private key: ");
    }
    return new ExtendedPublicKey(
        version, depth, parentFingerprint, childNumber, chainCode, Secp256k1.decodeCompressed(key));
  }

  static String encode(ExtendedPublicKey key) {
    ByteBuffer out = ByteBuffer.allocate(PAYLOAD_BYTES);
    out.putInt(key.version())
        .put((byte) key.depth())
        .putInt(key.parentFingerprint())
        .putInt((int) key.childNumber())
        .put(key.chainCode())
        .put(key.compressedPublicKey());
    return Base58Check.encode(out.array());
  }

  private static InvalidValueException privateKeyGiven(String detail) {
    return new InvalidValueException(
        detail
            + "this is an extended PRIVATE key; the node must never be given a private key. It derives"
            + " deposit addresses from the account's extended PUBLIC key (xpub…) alone: export"
            + " the xpub of m/44'/60'/0' from your wallet instead, and consider this private key"
            + " exposed wherever it was pasted or stored");
  }
}
