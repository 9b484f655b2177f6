package dev.payrelay.p2p.multistream;

import dev.payrelay.p2p.core.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The multistream-select 1.0 message format: an unsigned varint length (which counts the trailing
 * newline), the UTF-8 text, then {@code '\n'}. For example {@code "na"} is {@code 03 6e 61 0a}.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/connections/README.md#multistream-select">libp2p
 * connections, multistream-select</a>; varint: <a
 * href="https://github.com/multiformats/unsigned-varint">multiformats unsigned-varint</a>.
 */
public final class MultistreamMessage {

  /** The multistream-select 1.0 protocol id, sent first by both sides. */
  public static final String PROTOCOL_ID = "/multistream/1.0.0";

  /** The "not available" answer to a proposal. */
  public static final String NA = "na";

  /** The optional "list protocols" request; we answer it with {@code na}. */
  public static final String LS = "ls";

  /**
   * Our limit on one message, in bytes of UTF-8 text including the trailing newline (so a protocol
   * id may have at most 1,023 bytes). Not fixed by the spec; go and js use similar limits.
   */
  public static final int MAX_PROTOCOL_ID_BYTES = 1_024;

  private static final byte NEWLINE = '\n';

  private MultistreamMessage() {}

  /**
   * Encodes one message.
   *
   * @throws IllegalArgumentException if the text contains control characters or is too long
   */
  public static byte[] encode(String text) {
    if (!isPrintable(text)) {
      throw new IllegalArgumentException("multistream message has control characters");
    }
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int length = utf8.length + 1;
    if (length > MAX_PROTOCOL_ID_BYTES) {
      throw new IllegalArgumentException(
          "multistream message of " + length + " bytes exceeds " + MAX_PROTOCOL_ID_BYTES);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 2);
    out.writeBytes(Varint.encode(length));
    out.write(utf8, 0, utf8.length);
    out.write(NEWLINE);
    return out.toByteArray();
  }

  /** Encodes several messages back to back, e.g. the header and a first proposal. */
  public static byte[] encodeAll(String... texts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String text : texts) {
      byte[] one = encode(text);
      out.write(one, 0, one.length);
    }
    return out.toByteArray();
  }

  /**
   * Whether {@code id} is a protocol id we will propose or accept: starts with {@code /}, has no
   * control characters, and fits {@link #MAX_PROTOCOL_ID_BYTES} with its newline.
   */
  public static boolean isValidProtocolId(String id) {
    return id != null
        && id.startsWith("/")
        && isPrintable(id)
        && id.getBytes(StandardCharsets.UTF_8).length + 1 <= MAX_PROTOCOL_ID_BYTES;
  }

  static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
