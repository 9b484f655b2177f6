package dev.payrelay.p2p.multistream;

import java.io.ByteArrayOutputStream;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The responder (listener) side of multistream-select 1.0, as a state machine.
 *
 * <p>{@link #start()} returns our {@code /multistream/1.0.0} header, to be written at once without
 * waiting for the initiator. Proposals are answered in order: an echo of the first supported one
 * ends the negotiation (the bytes after it are handed back as leftover, so an initiator that
 * pipelines header, proposal and data in one write is served); anything else gets {@code na},
 * including {@code ls}, which we do not implement (it is optional). At most {@code maxProposals}
 * proposals are answered per negotiation. Not thread-safe.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/connections/README.md#multistream-select">libp2p
 * connections, multistream-select</a>.
 */
public final class MultistreamResponder {

  /** Default number of proposals answered before the negotiation fails. */
  public static final int MAX_PROPOSALS = 16;

  private enum Phase {
    AWAITING_HEADER,
    AWAITING_PROPOSAL,
    DONE
  }

  private final Predicate<String> supported;
  private final int maxProposals;
  private final MultistreamDecoder decoder =
      new MultistreamDecoder(MultistreamMessage.MAX_PROTOCOL_ID_BYTES);
  private Phase phase = Phase.AWAITING_HEADER;
  private boolean headerSent;
  private int proposalsSeen;

  /** A responder accepting the ids that {@code supported} matches, with {@link #MAX_PROPOSALS}. */
  public MultistreamResponder(Predicate<String> supported) {
    this(supported, MAX_PROPOSALS);
  }

  public MultistreamResponder(Predicate<String> supported, int maxProposals) {
    if (maxProposals < 1) {
      throw new IllegalArgumentException("maxProposals must be positive");
    }
    this.supported = Objects.requireNonNull(supported, "supported");
    this.maxProposals = maxProposals;
  }

  /** Our header, to be written as soon as the channel is open. */
  public MultistreamOutcome start() {
    if (headerSent) {
      throw new IllegalStateException("already started");
    }
    headerSent = true;
    return MultistreamOutcome.send(MultistreamMessage.encode(MultistreamMessage.PROTOCOL_ID));
  }

  /**
   * Feeds bytes received from the initiator, in any chunking. If {@link #start()} was not called,
   * the header is sent with the first answer.
   */
  public MultistreamOutcome onBytes(byte[] chunk) {
    if (phase == Phase.DONE) {
      throw new IllegalStateException("negotiation already ended");
    }
    decoder.feed(chunk);
    ByteArrayOutputStream toSend = new ByteArrayOutputStream();
    if (!headerSent) {
      write(toSend, MultistreamMessage.encode(MultistreamMessage.PROTOCOL_ID));
      headerSent = true;
    }
    try {
      String message;
      while ((message = decoder.next()) != null) {
        if (phase == Phase.AWAITING_HEADER) {
          if (!MultistreamMessage.PROTOCOL_ID.equals(message)) {
            return fail(
                MultistreamFailure.Kind.UNEXPECTED_HEADER,
                "peer header: " + MultistreamInitiator.excerpt(message));
          }
          phase = Phase.AWAITING_PROPOSAL;
          continue;
        }
        proposalsSeen++;
        if (proposalsSeen > maxProposals) {
          return fail(
              MultistreamFailure.Kind.TOO_MANY_PROPOSALS,
              "more than " + maxProposals + " proposals");
        }
        if (MultistreamMessage.isValidProtocolId(message) && supported.test(message)) {
          write(toSend, MultistreamMessage.encode(message));
          phase = Phase.DONE;
          return MultistreamOutcome.negotiated(
              toSend.toByteArray(), message, decoder.drainRemaining());
        }
        write(toSend, MultistreamMessage.encode(MultistreamMessage.NA));
      }
    } catch (MultistreamException e) {
      phase = Phase.DONE;
      return MultistreamOutcome.failed(e.failure());
    }
    return MultistreamOutcome.send(toSend.toByteArray());
  }

  private MultistreamOutcome fail(MultistreamFailure.Kind kind, String detail) {
    phase = Phase.DONE;
    return MultistreamOutcome.failed(new MultistreamFailure(kind, detail));
  }

  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes, 0, bytes.length);
  }
}
