package dev.payrelay.gateway.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Which nodes of the settlement network independently confirmed the receipt of one of this node's
 * invoices, for the receipt on its pay page. Without a network there are none.
 */
@FunctionalInterface
public interface NetworkAttestations {

  /** The node is in no settlement network. */
  NetworkAttestations NONE = invoiceId -> Mono.just(List.of());

  /** One node's confirmation: its peer id and when it signed. */
  record Confirmation(String peerId, Instant at) {}

  /** The confirmations of the receipt of invoice {@code invoiceId}, oldest first; never fails. */
  Mono<List<Confirmation>> of(UUID invoiceId);
}
