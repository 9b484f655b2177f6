package dev.payrelay.p2p.multistream;

import java.util.Objects;
import java.util.Optional;

/**
 * What one step of a multistream-select state machine produced. Write {@code bytesToSend} first (it
 * may be non-empty even when the negotiation just completed, e.g. the responder's echo); then, if
 * {@code protocol} is present, negotiation is over and {@code leftover} is the first data of the
 * negotiated protocol; if {@code failure} is present, close the channel.
 *
 * @param bytesToSend bytes to write to the peer, possibly empty
 * @param protocol the negotiated protocol id once agreed
 * @param leftover received bytes after the final negotiation message; empty unless negotiated
 * @param failure why the negotiation failed
 */
public record MultistreamOutcome(
    byte[] bytesToSend,
    Optional<String> protocol,
    byte[] leftover,
    Optional<MultistreamFailure> failure) {

  private static final byte[] NONE = new byte[0];

  public MultistreamOutcome {
    Objects.requireNonNull(bytesToSend, "bytesToSend");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(leftover, "leftover");
    Objects.requireNonNull(failure, "failure");
    if (protocol.isPresent() && failure.isPresent()) {
      throw new IllegalArgumentException("an outcome is either negotiated or failed");
    }
  }

  static MultistreamOutcome send(byte[] bytes) {
    return new MultistreamOutcome(bytes, Optional.empty(), NONE, Optional.empty());
  }

  static MultistreamOutcome negotiated(byte[] bytes, String protocol, byte[] leftover) {
    return new MultistreamOutcome(bytes, Optional.of(protocol), leftover, Optional.empty());
  }

  static MultistreamOutcome failed(MultistreamFailure failure) {
    return new MultistreamOutcome(NONE, Optional.empty(), NONE, Optional.of(failure));
  }

  /** Whether a protocol was agreed in this step. */
  public boolean isNegotiated() {
    return protocol.isPresent();
  }

  /** Whether the negotiation failed in this step. */
  public boolean isFailed() {
    return failure.isPresent();
  }
}
