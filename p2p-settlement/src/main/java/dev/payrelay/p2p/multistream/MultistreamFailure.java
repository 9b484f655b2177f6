package dev.payrelay.p2p.multistream;

import java.util.Objects;

/**
 * Why a multistream-select negotiation failed. The connection or stream should be closed.
 *
 * @param kind the class of failure
 * @param detail a human-readable explanation (never contains peer bytes verbatim beyond a short
 *     excerpt)
 */
public record MultistreamFailure(Kind kind, String detail) {

  /** The classes of failure. */
  public enum Kind {
    /** Bad length prefix, missing trailing newline, invalid UTF-8 or control characters. */
    MALFORMED_MESSAGE,
    /** A length prefix above the message limit. */
    MESSAGE_TOO_LONG,
    /** The first message was not {@code /multistream/1.0.0}. */
    UNEXPECTED_HEADER,
    /** A message that makes no sense at this point of the negotiation. */
    UNEXPECTED_MESSAGE,
    /** The responder answered {@code na} to every proposal. */
    NO_PROTOCOL_ACCEPTED,
    /** The initiator exceeded the responder's proposal limit. */
    TOO_MANY_PROPOSALS
  }

  public MultistreamFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
