package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import java.util.Objects;

/**
 * A gossip message handed to a topic validator.
 *
 * @param source the peer it arrived from (the propagation source, whom REJECT penalizes)
 * @param origin the peer that published it (the message's signed {@code from}, StrictSign)
 * @param data the message's {@code data}: a settlement envelope
 */
public record InboundMessage(PeerId source, PeerId origin, byte[] data) {
  public InboundMessage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(data, "data");
  }
}
