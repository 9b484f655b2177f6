package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.p2p.core.ProtobufException;
import dev.payrelay.settlement.message.MessageFormatException.Reason;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every settlement message shares on the wire: field 1 is the version ({@value #VERSION}),
 * written first; fields follow in ascending order, each at most once unless repeated, nothing
 * unknown. Decoding re-encodes what it read and insists on the same bytes, so one logical message
 * has exactly one encoding and its message id (SHA-256 of the bytes) is stable on every node.
 */
final class Wire {
  /** The one version of every settlement message this node speaks. */
  static final int VERSION = 1;

  static final int FIELD_VERSION = 1;

  /** SHA-256 digests (invoice digest, receipt digest). */
  static final int DIGEST_BYTES = 32;

  /** Ed25519 signatures. */
  static final int SIGNATURE_BYTES = 64;

  /** A peer id multihash: identity code, length, up to 42 key bytes. */
  static final int MAX_PEER_ID_BYTES = 44;

  static final int UUID_BYTES = 16;

  /** An amount is a uint256: at most 32 big-endian bytes, no leading zero byte. */
  static final int MAX_AMOUNT_BYTES = 32;

  private Wire() {}

  static ProtoWriter versioned() {
    return new ProtoWriter().writeVarint(FIELD_VERSION, VERSION);
  }

  /**
   * Decodes {@code bytes} as a {@code what}: size check, version check, {@code body} (reading every
   * field after the version), then the canonical-encoding check.
   */
  static <T> T decode(
      String what,
      byte[] bytes,
      int maxBytes,
      Function<ProtoReader, T> body,
      Function<T, byte[]> encoder) {
    if (bytes.length > maxBytes) {
      throw new MessageFormatException(
          Reason.TOO_LARGE,
          what + " of " + bytes.length + " bytes is over the limit of " + maxBytes + " bytes");
    }
    T decoded;
    try {
      ProtoReader reader = new ProtoReader(bytes);
      requireVersion(reader, what);
      decoded = body.apply(reader);
    } catch (ProtobufException e) {
      Reason reason =
          e.getMessage().contains("over the limit") ? Reason.TOO_LARGE : Reason.MALFORMED;
      throw new MessageFormatException(reason, what + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      // InvalidValueException, PeerIdException and the value types' own range checks.
      throw new MessageFormatException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
    if (!Arrays.equals(encoder.apply(decoded), bytes)) {
      throw new MessageFormatException(
          Reason.NON_CANONICAL,
          what + " is not in its canonical encoding (extra, repeated or reordered fields)");
    }
    return decoded;
  }

  private static void requireVersion(ProtoReader reader, String what) {
    if (!reader.next() || reader.fieldNumber() != FIELD_VERSION) {
      throw new MessageFormatException(
          Reason.UNSUPPORTED_VERSION, what + " does not start with its version (field 1)");
    }
    if (reader.wireType() != 0) {
      throw new MessageFormatException(Reason.MALFORMED, what + ": the version is not a varint");
    }
    long version = reader.readVarint();
    if (version != VERSION) {
      throw new MessageFormatException(
          Reason.UNSUPPORTED_VERSION,
          what + " version " + Long.toUnsignedString(version) + "; this node speaks " + VERSION);
    }
  }

  static MessageFormatException unknownField(String what, int field) {
    return new MessageFormatException(
        Reason.NON_CANONICAL, what + " has field " + field + ", which version 1 does not define");
  }

  static <T> T require(T value, String what, String field) {
    if (value == null) {
      throw new MessageFormatException(Reason.MISSING_FIELD, what + " lacks its " + field);
    }
    return value;
  }

  static byte[] fixed(ProtoReader reader, int length, String what) {
    byte[] value = reader.readBytes(length);
    if (value.length != length) {
      throw new MessageFormatException(
          Reason.MALFORMED, what + " must be " + length + " bytes, not " + value.length);
    }
    return value;
  }

  static PeerId peerId(ProtoReader reader, String what) {
    return PeerId.fromBytes(reader.readBytes(MAX_PEER_ID_BYTES));
  }

  static byte[] uuid(UUID id) {
    return ByteBuffer.allocate(UUID_BYTES)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  static UUID uuid(ProtoReader reader, String what) {
    ByteBuffer buffer = ByteBuffer.wrap(fixed(reader, UUID_BYTES, what));
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /** A non-negative amount as minimal big-endian bytes (zero is the empty string). */
  static byte[] amount(BigInteger amount) {
    byte[] bytes = amount.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  static BigInteger amount(ProtoReader reader, String what) {
    byte[] bytes = reader.readBytes(MAX_AMOUNT_BYTES);
    if (bytes.length > 0 && bytes[0] == 0) {
      throw new MessageFormatException(Reason.NON_CANONICAL, what + " has a leading zero byte");
    }
    return new BigInteger(1, bytes);
  }

  /** A millisecond timestamp: non-negative. */
  static long millis(ProtoReader reader, String what) {
    long value = reader.readVarint();
    if (value < 0) {
      throw new MessageFormatException(Reason.MALFORMED, what + " is negative");
    }
    return value;
  }

  /** A bounded non-negative count or number (uint31). */
  static int smallNumber(ProtoReader reader, String what, int max) {
    long value = reader.readVarint();
    if (value < 0 || value > max) {
      throw new MessageFormatException(
          Reason.MALFORMED, what + " must be 0.." + max + ", not " + Long.toUnsignedString(value));
    }
    return (int) value;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static byte[] concat(byte[] prefix, byte[] body) {
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }
}
