package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.multistream.MultistreamInitiator;
import dev.payrelay.p2p.multistream.MultistreamOutcome;
import dev.payrelay.p2p.multistream.MultistreamResponder;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One multistream-select negotiation, either side: the two state machines behind one face.
 *
 * @param starter gives our first bytes (header, and the first proposal as initiator)
 * @param reader takes the peer's bytes
 */
record Negotiation(
    Supplier<MultistreamOutcome> starter, Function<byte[], MultistreamOutcome> reader) {

  MultistreamOutcome start() {
    return starter.get();
  }

  MultistreamOutcome onBytes(byte[] chunk) {
    return reader.apply(chunk);
  }

  static Negotiation initiator(List<String> proposals) {
    MultistreamInitiator machine = new MultistreamInitiator(proposals);
    return new Negotiation(machine::start, machine::onBytes);
  }

  static Negotiation responder(Predicate<String> supported) {
    MultistreamResponder machine = new MultistreamResponder(supported);
    return new Negotiation(machine::start, machine::onBytes);
  }

  /** The initiator of {@code proposals} if {@code initiator}, else a responder accepting them. */
  static Negotiation of(boolean initiator, List<String> proposals) {
    return initiator ? initiator(proposals) : responder(proposals::contains);
  }
}
