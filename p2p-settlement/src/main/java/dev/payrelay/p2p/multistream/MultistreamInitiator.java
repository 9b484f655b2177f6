package dev.payrelay.p2p.multistream;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The initiator (dialer) side of multistream-select 1.0, as a state machine.
 *
 * <p>{@link #start()} returns our {@code /multistream/1.0.0} header together with the first
 * proposal: we never wait for the peer's header (js-libp2p, as listener, writes its header only
 * after reading ours). Each {@link #onBytes(byte[])} consumes the peer's header and answers; on
 * {@code na} the next proposal is sent; an echo of the current proposal ends the negotiation and
 * hands back any bytes that followed it. Not thread-safe.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/connections/README.md#multistream-select">libp2p
 * connections, multistream-select</a>.
 */
public final class MultistreamInitiator {

  private enum Phase {
    NEW,
    AWAITING_HEADER,
    AWAITING_ANSWER,
    DONE
  }

  private final List<String> proposals;
  private final MultistreamDecoder decoder =
      new MultistreamDecoder(MultistreamMessage.MAX_PROTOCOL_ID_BYTES);
  private Phase phase = Phase.NEW;
  private int current;

  /**
   * @param proposals protocol ids in order of preference; each must satisfy {@link
   *     MultistreamMessage#isValidProtocolId(String)}
   */
  public MultistreamInitiator(List<String> proposals) {
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("at least one proposal is needed");
    }
    for (String proposal : proposals) {
      if (!MultistreamMessage.isValidProtocolId(proposal)) {
        throw new IllegalArgumentException("invalid protocol id: " + proposal);
      }
    }
    this.proposals = List.copyOf(proposals);
  }

  /** Our header and first proposal, to be written at once. */
  public MultistreamOutcome start() {
    if (phase != Phase.NEW) {
      throw new IllegalStateException("already started");
    }
    phase = Phase.AWAITING_HEADER;
    return MultistreamOutcome.send(
        MultistreamMessage.encodeAll(MultistreamMessage.PROTOCOL_ID, proposals.get(0)));
  }

  /** Feeds bytes received from the responder, in any chunking. */
  public MultistreamOutcome onBytes(byte[] chunk) {
    if (phase == Phase.NEW || phase == Phase.DONE) {
      throw new IllegalStateException("onBytes in phase " + phase);
    }
    decoder.feed(chunk);
    ByteArrayOutputStream toSend = new ByteArrayOutputStream();
    try {
      String message;
      while ((message = decoder.next()) != null) {
        if (phase == Phase.AWAITING_HEADER) {
          if (!MultistreamMessage.PROTOCOL_ID.equals(message)) {
            return fail(
                MultistreamFailure.Kind.UNEXPECTED_HEADER, "peer header: " + excerpt(message));
          }
          phase = Phase.AWAITING_ANSWER;
        } else if (proposals.get(current).equals(message)) {
          phase = Phase.DONE;
          return MultistreamOutcome.negotiated(
              toSend.toByteArray(), message, decoder.drainRemaining());
        } else if (MultistreamMessage.NA.equals(message)) {
          current++;
          if (current == proposals.size()) {
            return fail(
                MultistreamFailure.Kind.NO_PROTOCOL_ACCEPTED,
                "peer answered na to all of " + proposals);
          }
          byte[] next = MultistreamMessage.encode(proposals.get(current));
          toSend.write(next, 0, next.length);
        } else {
          return fail(
              MultistreamFailure.Kind.UNEXPECTED_MESSAGE,
              "expected echo of " + proposals.get(current) + " or na, got " + excerpt(message));
        }
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

  static String excerpt(String message) {
    return message.length() <= 64 ? '"' + message + '"' : '"' + message.substring(0, 64) + "…\"";
  }
}
