package dev.payrelay.gateway.checkout;

import dev.payrelay.wallet.payment.Transfer;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where a proof the checkout page verified goes next: to the settlement network, so that this node,
 * the invoice's home, issues its signed receipt and the other nodes attest to it. Without a network
 * the proof goes nowhere.
 */
@FunctionalInterface
public interface NetworkProofs {

  /** Nothing to tell: the node is in no settlement network. */
  NetworkProofs NONE = (invoiceId, transfer) -> Mono.empty();

  /** Hands the verified {@code transfer} of this node's invoice to the network; never fails. */
  Mono<Void> announce(UUID invoiceId, Transfer transfer);
}
