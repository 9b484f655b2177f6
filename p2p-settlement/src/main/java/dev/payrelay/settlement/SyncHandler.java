package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import reactor.core.publisher.Mono;

/**
 * Answers one request of the sync protocol ({@value
 * dev.payrelay.settlement.message.SyncRequest#PROTOCOL_ID}): request bytes in, response bytes out.
 * An error means "reset the stream" (a malformed request).
 */
@FunctionalInterface
public interface SyncHandler {
  Mono<byte[]> answer(PeerId from, byte[] request);
}
