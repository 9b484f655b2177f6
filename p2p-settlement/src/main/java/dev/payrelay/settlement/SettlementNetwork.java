package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import reactor.core.publisher.Mono;

/**
 * What the settlement engine needs of the libp2p network. The gossip adapter implements it over
 * gossipsub ({@code /meshsub/1.1.0}, StrictSign, message id = SHA-256 of the data) and a
 * request/response stream protocol for sync; tests implement it in memory.
 */
public interface SettlementNetwork {

  /**
   * Publishes {@code data} on {@code topic} (our own messages are not validated by our validator).
   * Completes when handed to the network; errors only if the network is closed.
   */
  Mono<Void> publish(String topic, byte[] data);

  /** Subscribes to {@code topic}, validating every received message with {@code validator}. */
  void subscribe(String topic, TopicValidator validator);

  /**
   * Serves the sync protocol: each inbound stream carries one length-prefixed request (at most
   * {@link dev.payrelay.settlement.message.SyncRequest#MAX_BYTES}) answered by one length-prefixed
   * response.
   */
  void serveSync(SyncHandler handler);

  /**
   * Asks {@code peer} for one sync page.
   *
   * @return the response bytes; an error if the peer is unreachable or the stream fails (the
   *     adapter bounds the response by {@link
   *     dev.payrelay.settlement.message.SyncResponse#MAX_BYTES} and the wait by a timeout)
   */
  Mono<byte[]> requestSync(PeerId peer, byte[] request);

  /** Reports misbehaviour of {@code peer} that gossipsub's validation did not already count. */
  void penalize(PeerId peer, Penalty penalty);
}
