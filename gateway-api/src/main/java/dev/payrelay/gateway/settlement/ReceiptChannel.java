package dev.payrelay.gateway.settlement;

import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.outbox.OutboxWriter;
import dev.payrelay.invoicing.outbox.PermanentDeliveryFailure;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.network.SettlementNode;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Transfer;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The outbox's {@value OutboxWriter#GOSSIP} channel: every confirmed payment of this node's
 * invoices, however it was found (the chain watcher, the checkout page, a proof from the network),
 * becomes a proof submitted to this node's own settlement engine, which verifies it again, finds it
 * applied and publishes the signed receipt (or answers that it did already). So a receipt is never
 * lost to a crash between the payment's commit and its publication: the outbox row stays until the
 * engine has settled it. A transfer not deep enough yet, or a chain that does not answer, is
 * retried with the relay's backoff; one the chain contradicts is dead at once.
 */
final class ReceiptChannel implements OutboxChannel {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptChannel.class);

  private final SettlementNode node;
  private final InvoicingLedger ledger;

  ReceiptChannel(SettlementNode node, InvoicingLedger ledger) {
    this.node = node;
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return OutboxWriter.GOSSIP;
  }

  @Override
  public Mono<Void> deliver(OutboxEvent event) {
    UUID invoiceId;
    Transfer.Key key;
    try {
      var payload = event.payload();
      if (!payload.path("logIndex").isIntegralNumber()) {
        throw new IllegalArgumentException("no log index");
      }
      invoiceId = UUID.fromString(payload.path("invoiceId").asText());
      key =
          new Transfer.Key(
              ChainId.of(payload.path("chainId").asLong()),
              TxHash.parse(payload.path("txHash").asText()),
              payload.path("logIndex").asLong());
    } catch (RuntimeException e) {
      return Mono.error(
          new PermanentDeliveryFailure("not a receipt request: " + event.payload(), e));
    }
    return ledger
        .claim(invoiceId, key)
        .flatMap(
            claim -> {
              if (claim.isEmpty()) {
                // Removed by a reorg since, or never applied here: nothing to vouch for.
                LOG.info(
                    "no receipt for {} of invoice {}: not a payment of it now", key, invoiceId);
                return Mono.empty();
              }
              PaymentProofMessage proof =
                  new PaymentProofMessage(new InvoiceRef(node.peerId(), invoiceId), claim.get());
              return node.engine().submit(proof).flatMap(outcome -> settled(invoiceId, outcome));
            });
  }

  private static Mono<Void> settled(UUID invoiceId, ProofOutcome outcome) {
    if (outcome instanceof ProofOutcome.Settled || outcome instanceof ProofOutcome.Duplicate) {
      return Mono.empty();
    }
    if (outcome instanceof ProofOutcome.Rejected || outcome instanceof ProofOutcome.Refused) {
      return Mono.error(
          new PermanentDeliveryFailure(
              "the settlement engine refused invoice " + invoiceId + "'s payment: " + outcome));
    }
    return Mono.error(
        new IllegalStateException(
            "invoice " + invoiceId + "'s payment is not settled yet: " + outcome));
  }
}
