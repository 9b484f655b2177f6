package dev.payrelay.p2p.multistream;

import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.core.VarintException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Incremental decoder of {@link MultistreamMessage}s. Bytes are fed in arbitrary chunks; {@link
 * #next()} takes one complete message at a time, so that the bytes after the last negotiation
 * message (pipelined application data) stay untouched and can be taken with {@link
 * #drainRemaining()}.
 */
final class MultistreamDecoder {

  private final int maxMessageBytes;
  private byte[] buffer = new byte[0];
  private int start;
  private int end;

  MultistreamDecoder(int maxMessageBytes) {
    if (maxMessageBytes < 2) {
      throw new IllegalArgumentException("maxMessageBytes must be at least 2");
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  void feed(byte[] chunk) {
    int buffered = end - start;
    if (buffer.length - end < chunk.length) {
      byte[] grown = new byte[Math.max(buffered + chunk.length, buffer.length * 2)];
      System.arraycopy(buffer, start, grown, 0, buffered);
      buffer = grown;
      start = 0;
      end = buffered;
    }
    System.arraycopy(chunk, 0, buffer, end, chunk.length);
    end += chunk.length;
  }

  /**
   * Returns the next complete message text (without its newline), or {@code null} when more bytes
   * are needed.
   */
  String next() throws MultistreamException {
    ByteBuffer view = ByteBuffer.wrap(buffer, start, end - start);
    OptionalLong prefix;
    try {
      prefix = Varint.decode(view);
    } catch (VarintException e) {
      throw malformed("bad length prefix: " + e.getMessage());
    }
    if (prefix.isEmpty()) {
      if (end - start >= Varint.encodedLength(maxMessageBytes)) {
        // A minimal varint that needs more bytes than our limit's encoding is above the limit.
        throw tooLong("length prefix exceeds " + maxMessageBytes + " bytes");
      }
      return null;
    }
    long length = prefix.getAsLong();
    int pos = view.position();
    if (length > maxMessageBytes) {
      throw tooLong("length prefix " + length + " exceeds " + maxMessageBytes + " bytes");
    }
    if (length == 0) {
      throw malformed("empty message without newline");
    }
    if (end - pos < length) {
      return null;
    }
    int textEnd = pos + (int) length - 1;
    if (buffer[textEnd] != '\n') {
      throw malformed("message does not end with a newline");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buffer, pos, textEnd - pos))
              .toString();
    } catch (CharacterCodingException e) {
      throw malformed("message is not valid UTF-8");
    }
    if (!MultistreamMessage.isPrintable(text)) {
      throw malformed("message has control characters");
    }
    start = textEnd + 1;
    return text;
  }

  /** Takes every byte not consumed as a message. */
  byte[] drainRemaining() {
    byte[] rest = Arrays.copyOfRange(buffer, start, end);
    buffer = new byte[0];
    start = 0;
    end = 0;
    return rest;
  }

  private static MultistreamException tooLong(String detail) {
    return new MultistreamException(MultistreamFailure.Kind.MESSAGE_TOO_LONG, detail);
  }

  private static MultistreamException malformed(String detail) {
    return new MultistreamException(MultistreamFailure.Kind.MALFORMED_MESSAGE, detail);
  }
}
