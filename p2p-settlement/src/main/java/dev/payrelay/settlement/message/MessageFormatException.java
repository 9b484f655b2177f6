package dev.payrelay.settlement.message;

/**
 * Bytes that are not a valid settlement message. {@link #reason()} says which rule they broke, so a
 * receiver can tell an unknown (newer) version from garbage.
 */
public final class MessageFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which rule the bytes broke. */
  public enum Reason {
    /** Not protobuf, a known field with the wrong wire type, or a value out of its range. */
    MALFORMED,
    /** Larger than the named limit of the message or of one of its fields. */
    TOO_LARGE,
    /** Field 1 holds a version this node does not speak (or is missing). */
    UNSUPPORTED_VERSION,
    /** A required field is absent. */
    MISSING_FIELD,
    /** Valid fields, but not in the one canonical encoding: extra, repeated or reordered fields. */
    NON_CANONICAL,
    /** A signature that does not verify under the signer's key. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  MessageFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  MessageFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
