package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.verify.Verification;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InvoiceLedger} must do; extend it with the implementation under test (the
 * in-memory double here, the gateway's ledger over invoicing there).
 */
public abstract class InvoiceLedgerContract {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The ledger under test. */
  protected abstract InvoiceLedger ledger();

  /** The chain the ledger's invoices are payable on. */
  protected ChainId chain() {
    return ChainId.of(1337);
  }

  /**
   * Opens an invoice of {@code total} base units of ether on {@link #chain()}, payable to a deposit
   * address, in the ledger; its id.
   */
  protected abstract UUID openInvoice(Address depositAddress, BigInteger total);

  @Test
  void findsOnlyItsOwnInvoicesWithHowTheyArePaidAndAnOpenSummary() {
    Address deposit = freshAddress();
    UUID id = openInvoice(deposit, BigInteger.valueOf(1_000));

    LedgerInvoice found = ledger().find(id).block().orElseThrow();

    assertThat(ledger().find(UUID.randomUUID()).block()).isEmpty();
    assertThat(found.expectations())
        .extracting(Expectation::route)
        .contains(new PaymentRoute.ToDepositAddress(deposit));
    assertThat(found.summary().invoiceId()).isEqualTo(id);
    assertThat(found.summary().status()).isEqualTo(ReceiptStatus.OPEN);
    assertThat(found.summary().paid()).isZero();
    assertThat(found.summary().transfers()).isEmpty();
  }

  @Test
  void appliesATransferOnceAndAnswersDuplicateAfter() {
    Address deposit = freshAddress();
    UUID id = openInvoice(deposit, BigInteger.valueOf(1_000));
    Verification.Verified paid = verified(deposit, BigInteger.valueOf(1_000));

    LedgerOutcome first = ledger().apply(id, paid).block();
    LedgerOutcome second = ledger().apply(id, paid).block();

    assertThat(first).isInstanceOf(LedgerOutcome.Applied.class);
    var after = ((LedgerOutcome.Applied) first).after();
    assertThat(after.status()).isEqualTo(ReceiptStatus.PAID);
    assertThat(after.paid()).isEqualTo(1_000);
    assertThat(after.transfers()).hasSize(1);
    assertThat(second).isInstanceOf(LedgerOutcome.Duplicate.class);
    assertThat(((LedgerOutcome.Duplicate) second).current().digest()).isEqualTo(after.digest());
  }

  @Test
  void neverAppliesOneTransferToTwoInvoices() {
    Address deposit = freshAddress();
    UUID first = openInvoice(deposit, BigInteger.TEN);
    UUID second = openInvoice(freshAddress(), BigInteger.TEN);
    Verification.Verified paid = verified(deposit, BigInteger.TEN);

    assertThat(ledger().apply(first, paid).block()).isInstanceOf(LedgerOutcome.Applied.class);
    assertThat(ledger().apply(second, paid).block()).isInstanceOf(LedgerOutcome.NotMatching.class);
    assertThat(ledger().find(second).block().orElseThrow().summary().paid()).isZero();
  }

  @Test
  void aPartialPaymentLeavesTheInvoiceProcessing() {
    Address deposit = freshAddress();
    UUID id = openInvoice(deposit, BigInteger.valueOf(1_000));

    LedgerOutcome outcome = ledger().apply(id, verified(deposit, BigInteger.valueOf(400))).block();

    assertThat(((LedgerOutcome.Applied) outcome).after().status())
        .isIn(ReceiptStatus.PROCESSING, ReceiptStatus.OPEN);
    assertThat(((LedgerOutcome.Applied) outcome).after().paid()).isEqualTo(400);
  }

  /** A transfer of {@code amount} wei to {@code to}, as the wallet's verifier would answer it. */
  protected Verification.Verified verified(Address to, BigInteger amount) {
    byte[] tx = new byte[32];
    RANDOM.nextBytes(tx);
    Asset ether = Asset.ether(chain());
    Transfer transfer =
        new Transfer(
            chain(),
            TxHash.of(tx),
            Transfer.NATIVE_VALUE,
            1,
            "0x" + "ab".repeat(32),
            ether,
            to,
            TokenAmount.ofBaseUnits(ether, amount),
            new PaymentRoute.ToDepositAddress(to));
    return new Verification.Verified(transfer, 1, false);
  }

  private static Address freshAddress() {
    byte[] bytes = new byte[Address.LENGTH];
    RANDOM.nextBytes(bytes);
    return Address.of(bytes);
  }
}
