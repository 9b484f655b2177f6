package dev.payrelay.invoicing.chain;

import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchCursor;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Synthetic watcher batches for an invoice, fed through the real {@link PostgresWatchSink}. */
final class ApplierFixture {

  private static final SecureRandom RANDOM = new SecureRandom();

  final InvoicingFixture fx;
  final PostgresWatchSink sink;

  ApplierFixture(InvoicingFixture fx) {
    this.fx = fx;
    this.sink =
        new PostgresWatchSink(fx.connections, new InvoicePaymentApplier(fx.clock, fx.expectations));
  }

  /** A transfer of {@code baseUnits} of the invoice's currency to its store, in {@code block}. */
  static Transfer transfer(Invoice invoice, long baseUnits, long block) {
    return new Transfer(
        invoice.currency().chain(),
        TxHash.parse(randomHex(32)),
        RANDOM.nextInt(100),
        block,
        randomHex(32),
        invoice.currency(),
        InvoicingFixture.RECEIVING,
        TokenAmount.ofBaseUnits(invoice.currency(), BigInteger.valueOf(baseUnits)),
        new PaymentRoute.ByReference(InvoicingFixture.RECEIVING, new byte[32]));
  }

  /** The same transfer mined again in another block (after a reorg). */
  static Transfer remined(Transfer t, long block) {
    return new Transfer(
        t.chain(),
        t.tx(),
        t.logIndex(),
        block,
        randomHex(32),
        t.asset(),
        t.to(),
        t.amount(),
        t.route());
  }

  static PaymentObservation.Seen seen(Invoice invoice, Transfer t) {
    return new PaymentObservation.Seen(t, invoice.id().toString(), 1);
  }

  static PaymentObservation.Confirmed confirmed(Invoice invoice, Transfer t) {
    return new PaymentObservation.Confirmed(t, invoice.id().toString(), 12);
  }

  static PaymentObservation.Finalized finalized(Invoice invoice, Transfer t) {
    return new PaymentObservation.Finalized(t, invoice.id().toString());
  }

  static PaymentObservation.Removed removed(Invoice invoice, Transfer t) {
    return new PaymentObservation.Removed(t, invoice.id().toString());
  }

  void accept(long head, PaymentObservation... observations) {
    sink.accept(batch(head, observations)).block(Duration.ofSeconds(10));
  }

  static WatchBatch batch(long head, PaymentObservation... observations) {
    return new WatchBatch(
        ChainId.MAINNET,
        List.of(observations),
        WatchCursor.at(new Checkpoint(head, randomHex(32))));
  }

  List<String> events(Invoice invoice) {
    return fx.strings(
        "SELECT event_type FROM outbox WHERE channel = 'webhook' AND ordering_key = '"
            + invoice.id()
            + "' ORDER BY id");
  }

  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return "0x" + HexFormat.of().formatHex(b);
  }
}
