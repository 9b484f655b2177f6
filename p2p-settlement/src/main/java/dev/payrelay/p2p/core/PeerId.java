package dev.payrelay.p2p.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: the multihash of a peer's marshalled {@link PublicKey}. Keys of at most {@value
 * #MAX_INLINE_KEY_BYTES} bytes (Ed25519, secp256k1) are inlined with the identity multihash {@code
 * 0x00 <len> <key>}, so the key can be {@linkplain #extractPublicKey() extracted}; larger ones
 * (RSA, ECDSA) are hashed with SHA-256, {@code 0x12 0x20 <digest>}. Those are the only two
 * multihash forms accepted.
 *
 * <p>Text: base58btc of the multihash ({@code 12D3KooW…} for Ed25519, {@code Qm…} for SHA-256), or
 * a CIDv1 with the {@code libp2p-key} codec ({@code 0x72}) in multibase base32 ({@code b…}) or
 * base58btc ({@code z…}). {@link #toString()} is base58btc, as the spec requires for display.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#peer-ids">
 * peer-ids, "Peer Ids"</a>; <a href="https://github.com/multiformats/multihash">multihash</a>; <a
 * href="https://github.com/multiformats/cid">CID</a>.
 */
public final class PeerId {
  /** The spec's threshold: a marshalled key up to this size is inlined, not hashed. */
  public static final int MAX_INLINE_KEY_BYTES = 42;

  static final int IDENTITY_CODE = 0x00;
  static final int SHA2_256_CODE = 0x12;
  static final int SHA2_256_BYTES = 32;

  /** CID version and multicodec of a peer id written as a CID. */
  static final int CID_VERSION_1 = 1;

  static final int LIBP2P_KEY_CODEC = 0x72;

  /** Longest peer id multihash: identity code, length, 42 key bytes. */
  static final int MAX_BYTES = 2 + MAX_INLINE_KEY_BYTES;

  /** Longest accepted text form (the base32 CID of {@link #MAX_BYTES} is 76 characters). */
  static final int MAX_TEXT_CHARS = 128;

  private static final char MULTIBASE_BASE32 = 'b';
  private static final char MULTIBASE_BASE58BTC = 'z';

  private final byte[] multihash;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
  }

  /** The peer id of {@code key}: identity multihash if it marshals to ≤ 42 bytes, else SHA-256. */
  public static PeerId fromPublicKey(PublicKey key) {
    byte[] marshalled = key.marshal();
    if (marshalled.length <= MAX_INLINE_KEY_BYTES) {
      return new PeerId(multihash(IDENTITY_CODE, marshalled));
    }
    return new PeerId(multihash(SHA2_256_CODE, sha256(marshalled)));
  }

  /**
   * A peer id from its multihash bytes (as in a {@code /p2p/} multiaddr or a protobuf field).
   *
   * @throws PeerIdException unless it is an identity multihash of 1–42 bytes holding a valid
   *     PublicKey, or a SHA-256 multihash
   */
  public static PeerId fromBytes(byte[] bytes) {
    if (bytes.length < 2 || bytes.length > MAX_BYTES) {
      throw new PeerIdException("a peer id multihash cannot be " + bytes.length + " bytes");
    }
    int code = bytes[0] & 0xff;
    int length = bytes[1] & 0xff;
    if (code == IDENTITY_CODE) {
      if (length < 1 || length > MAX_INLINE_KEY_BYTES) {
        throw new PeerIdException(
            "identity multihash of "
                + length
                + " bytes: peer ids inline 1.."
                + MAX_INLINE_KEY_BYTES);
      }
    } else if (code == SHA2_256_CODE) {
      if (length != SHA2_256_BYTES) {
        throw new PeerIdException("sha2-256 multihash must hold 32 bytes, not " + length);
      }
    } else {
      throw new PeerIdException(
          "multihash code 0x"
              + Integer.toHexString(code)
              + " is neither identity (0x00) nor sha2-256 (0x12)");
    }
    if (bytes.length != 2 + length) {
      throw new PeerIdException(
          "multihash announces " + length + " digest bytes but holds " + (bytes.length - 2));
    }
    PeerId id = new PeerId(bytes.clone());
    if (code == IDENTITY_CODE) {
      id.inlinedKey();
    }
    return id;
  }

  /**
   * Parses base58btc ({@code 12D3KooW…}, {@code Qm…}) or a CIDv1 with codec {@code libp2p-key} in
   * multibase base32 ({@code b…}) or base58btc ({@code z…}), per the spec's "Decoding" rules.
   *
   * @throws PeerIdException for anything else
   */
  public static PeerId parse(String text) {
    if (text.isEmpty() || text.length() > MAX_TEXT_CHARS) {
      throw new PeerIdException(
          "a peer id is 1.." + MAX_TEXT_CHARS + " characters, not " + text.length());
    }
    try {
      if (text.startsWith("1") || text.startsWith("Qm")) {
        return fromBytes(Base58.decode(text));
      }
      char multibase = text.charAt(0);
      if (multibase == MULTIBASE_BASE32) {
        return fromCidBytes(Base32.decode(text.substring(1)));
      }
      if (multibase == MULTIBASE_BASE58BTC) {
        return fromCidBytes(Base58.decode(text.substring(1)));
      }
      throw new PeerIdException(
          "'"
              + Base58.printable(multibase)
              + "' starts neither a base58btc peer id (1…, Qm…) nor a base32/base58btc CID (b…, z…)");
    } catch (BaseEncodingException e) {
      throw new PeerIdException("not a peer id: " + e.getMessage(), e);
    }
  }

  private static PeerId fromCidBytes(byte[] cid) {
    try {
      long version = Varint.decode(cid, 0);
      int offset = Varint.encodedLength(version);
      if (version != CID_VERSION_1) {
        throw new PeerIdException("CID version " + version + " where a peer id needs version 1");
      }
      long codec = Varint.decode(cid, offset);
      offset += Varint.encodedLength(codec);
      if (codec != LIBP2P_KEY_CODEC) {
        throw new PeerIdException(
            "CID codec 0x" + Long.toHexString(codec) + " is not libp2p-key (0x72)");
      }
      return fromBytes(Arrays.copyOfRange(cid, offset, cid.length));
    } catch (VarintException e) {
      throw new PeerIdException("malformed CID: " + e.getMessage(), e);
    }
  }

  /** The multihash bytes (a copy). */
  public byte[] toBytes() {
    return multihash.clone();
  }

  /** base58btc of the multihash: the canonical text form. */
  public String toBase58() {
    return Base58.encode(multihash);
  }

  /** The CIDv1 form, codec {@code libp2p-key}, multibase base32: {@code bafz…}. */
  public String toCid() {
    byte[] cid = new byte[2 + multihash.length];
    cid[0] = CID_VERSION_1;
    cid[1] = LIBP2P_KEY_CODEC;
    System.arraycopy(multihash, 0, cid, 2, multihash.length);
    return MULTIBASE_BASE32 + Base32.encode(cid);
  }

  /** The public key of an identity peer id; empty for a hashed (SHA-256) one. */
  public Optional<PublicKey> extractPublicKey() {
    return isInlined() ? Optional.of(inlinedKey()) : Optional.empty();
  }

  /** Whether {@code key} is the key this peer id was made from. */
  public boolean matches(PublicKey key) {
    return equals(fromPublicKey(key));
  }

  private boolean isInlined() {
    return multihash[0] == IDENTITY_CODE;
  }

  private PublicKey inlinedKey() {
    try {
      return PublicKey.unmarshal(Arrays.copyOfRange(multihash, 2, multihash.length));
    } catch (KeyFormatException e) {
      throw new PeerIdException("identity peer id does not hold a valid public key", e);
    }
  }

  private static byte[] multihash(int code, byte[] digest) {
    byte[] out = new byte[2 + digest.length];
    out[0] = (byte) code;
    out[1] = (byte) digest.length;
    System.arraycopy(digest, 0, out, 2, digest.length);
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PeerId that && Arrays.equals(multihash, that.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  /** base58btc, as {@link #toBase58()}. */
  @Override
  public String toString() {
    return toBase58();
  }
}
