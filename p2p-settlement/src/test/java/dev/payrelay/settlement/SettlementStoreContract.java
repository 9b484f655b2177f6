package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.settlement.message.Verdict;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SettlementStore} must do; extend it with the implementation under test (the
 * in-memory double here, the gateway's PostgreSQL store there). Each test gets a fresh store.
 */
public abstract class SettlementStoreContract {
  private static final ChainId CHAIN = ChainId.of(1);
  private final Ed25519KeyPair home = Ed25519KeyPair.generate();
  private final Ed25519KeyPair attester = Ed25519KeyPair.generate();

  /** A new, empty store. */
  protected abstract SettlementStore store();

  @Test
  void numbersMessagesAscendingAndStoresTheSameMessageOnce() {
    SettlementStore store = store();
    PaymentProofMessage first = proof(1);
    PaymentProofMessage second = proof(2);

    long one = store.append(first).block();
    long two = store.append(second).block();
    long again = store.append(first).block();

    assertThat(one).isPositive();
    assertThat(two).isGreaterThan(one);
    assertThat(again).isEqualTo(one);
    assertThat(store.since(0, 10).block())
        .extracting(SyncItem::message)
        .containsExactly(first, second);
  }

  @Test
  void pagesAfterACursorUpToTheLimitInCursorOrder() {
    SettlementStore store = store();
    for (int i = 0; i < 7; i++) {
      store.append(proof(i)).block();
    }
    List<SyncItem> all = store.since(0, 100).block();

    List<SyncItem> page = store.since(all.get(2).cursor(), 3).block();

    assertThat(all).hasSize(7);
    assertThat(page).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(store.since(all.get(6).cursor(), 3).block()).isEmpty();
  }

  @Test
  void findsReceiptsByInvoiceOldestFirstAndAttestationsByReceiptDigest() {
    SettlementStore store = store();
    InvoiceRef invoice = new InvoiceRef(home.peerId(), UUID.randomUUID());
    SettlementReceipt older = receipt(invoice, ReceiptStatus.PROCESSING, 1);
    SettlementReceipt newer = receipt(invoice, ReceiptStatus.PAID, 2);
    SettlementReceipt otherInvoice =
        receipt(new InvoiceRef(home.peerId(), UUID.randomUUID()), ReceiptStatus.PAID, 3);
    Attestation onNewer = Attestation.sign(attester, newer, Verdict.CONFIRMED, Instant.EPOCH);
    Attestation onOlder = Attestation.sign(attester, older, Verdict.CONFIRMED, Instant.EPOCH);
    for (var message : List.of(older, otherInvoice, onNewer, newer, onOlder)) {
      store.append(message).block();
    }

    assertThat(store.receipts(invoice).block()).containsExactly(older, newer);
    assertThat(store.attestations(newer.digest()).block()).containsExactly(onNewer);
    assertThat(store.attestations(new byte[32]).block()).isEmpty();
  }

  @Test
  void keepsAPeerCursorFromZeroAndNeverMovesItBack() {
    SettlementStore store = store();
    PeerId peer = attester.peerId();

    assertThat(store.peerCursor(peer).block()).isZero();
    store.savePeerCursor(peer, 42).block();
    store.savePeerCursor(peer, 7).block();

    assertThat(store.peerCursor(peer).block()).isEqualTo(42);
    assertThat(store.peerCursor(home.peerId()).block()).isZero();
  }

  private PaymentProofMessage proof(int i) {
    byte[] tx = new byte[32];
    tx[31] = (byte) i;
    return new PaymentProofMessage(
        new InvoiceRef(home.peerId(), UUID.randomUUID()), transfer(TxHash.of(tx)));
  }

  private SettlementReceipt receipt(InvoiceRef invoice, ReceiptStatus status, int tx) {
    byte[] hash = new byte[32];
    hash[0] = (byte) tx;
    return SettlementReceipt.sign(
        home,
        invoice,
        new byte[32],
        List.of(transfer(TxHash.of(hash))),
        status,
        Instant.ofEpochMilli(tx));
  }

  private static TransferClaim transfer(TxHash tx) {
    return new TransferClaim(
        CHAIN,
        tx,
        OptionalLong.of(0),
        Asset.ether(CHAIN),
        new PaymentRoute.ToDepositAddress(Address.of(new byte[20])),
        BigInteger.ONE);
  }
}
