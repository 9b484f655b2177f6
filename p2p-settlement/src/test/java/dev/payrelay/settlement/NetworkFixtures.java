package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * The settlement test doubles (in-memory ledger and store) and real dev-chain payments, opened to
 * the tests of other packages (the network runtime's), which cannot see them directly.
 */
public final class NetworkFixtures {
  private NetworkFixtures() {}

  /** An invoice open at a home node, payable in ether by reference. */
  public record Invoice(InvoiceRef ref, DevChainPayer.OpenInvoice open) {}

  public static InvoiceLedger ledger() {
    return new InMemoryLedger();
  }

  public static SettlementStore store() {
    return new InMemoryStore();
  }

  /** How many transfers {@code ledger} (from {@link #ledger()}) applied, all invoices together. */
  public static int applications(InvoiceLedger ledger) {
    return ((InMemoryLedger) ledger).applications.get();
  }

  /** The receipts {@code store} (from {@link #store()}) holds. */
  public static List<SettlementReceipt> receipts(SettlementStore store) {
    return ((InMemoryStore) store)
        .all().stream()
            .filter(SettlementReceipt.class::isInstance)
            .map(SettlementReceipt.class::cast)
            .toList();
  }

  public static List<SettlementMessage> stored(SettlementStore store) {
    return ((InMemoryStore) store).all();
  }

  /** This JVM's dev chain through the wallet's verifier, one confirmation. */
  public static ChainVerifier verifier() {
    return DevChainPayer.shared().verifier();
  }

  /** Opens an invoice of {@code total} wei at {@code home}, in its {@code ledger}. */
  public static Invoice openInvoice(PeerId home, InvoiceLedger ledger, BigInteger total) {
    DevChainPayer payer = DevChainPayer.shared();
    DevChainPayer.OpenInvoice open =
        new DevChainPayer.OpenInvoice(
            new InvoiceRef(home, UUID.randomUUID()),
            DevChainPayer.freshAddress(),
            DevChainPayer.freshReference());
    ((InMemoryLedger) ledger)
        .add(
            open.ref().invoiceId(),
            new Expectation(
                open.ref().toString(),
                payer.ether,
                new PaymentRoute.ByReference(open.merchant(), open.reference().topicHash())),
            total);
    return new Invoice(open.ref(), open);
  }

  /** Pays {@code amount} wei for {@code invoice} on the dev chain: the proof of it. */
  public static PaymentProofMessage pay(Invoice invoice, BigInteger amount) {
    return DevChainPayer.shared().pay(invoice.open(), amount);
  }

  /**
   * Three forged proofs for {@code invoice}, whose real payment of {@code amount} is made here: the
   * right transfer with a wrong amount, another payment's transaction dressed up as this invoice's,
   * and a transaction hash that does not exist.
   */
  public static List<PaymentProofMessage> forgedProofs(Invoice invoice, BigInteger amount) {
    DevChainPayer payer = DevChainPayer.shared();
    TransferClaim real = payer.pay(invoice.open().reference(), invoice.open().merchant(), amount);
    TransferClaim others =
        payer.pay(DevChainPayer.freshReference(), DevChainPayer.freshAddress(), amount);
    List<TransferClaim> forged =
        List.of(
            new TransferClaim(
                real.chain(),
                real.tx(),
                real.logIndex(),
                real.asset(),
                real.route(),
                amount.add(BigInteger.ONE)),
            new TransferClaim(
                others.chain(),
                others.tx(),
                others.logIndex(),
                real.asset(),
                real.route(),
                real.amount()),
            new TransferClaim(
                real.chain(),
                TxHash.of(new byte[32]),
                real.logIndex(),
                real.asset(),
                real.route(),
                real.amount()));
    return forged.stream().map(claim -> new PaymentProofMessage(invoice.ref(), claim)).toList();
  }
}
