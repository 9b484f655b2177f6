package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import java.math.BigInteger;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A proof that arrives before its transfer is deep enough is held, not forwarded, and settles once
 * the chain has moved on and the held proofs are checked again. Policy: three confirmations.
 */
class HeldProofsOnDevChainTest {
  static final int CONFIRMATIONS = 3;

  final DevChainPayer chain = DevChainPayer.shared();
  final InMemoryNetwork network = new InMemoryNetwork();
  final SettlementConfig config = SettlementConfig.of("devnet");
  final TestNode a = node();
  final TestNode c = node();

  @Test
  void relaysAndSettlesAPendingProofOnceItHasEnoughConfirmations() {
    DevChainPayer.OpenInvoice open = chain.openInvoice(a, BigInteger.TEN);
    InvoiceRef invoice = open.ref();
    PaymentProofMessage proof = chain.pay(open, BigInteger.TEN);

    ProofOutcome first = c.engine.submit(proof).block(TestNode.BOUND);

    assertThat(first).isInstanceOf(ProofOutcome.Pending.class);
    assertThat(((ProofOutcome.Pending) first).required()).isEqualTo(CONFIRMATIONS);
    assertThat(network.deliveriesFrom(c.id())).isEmpty();
    assertThat(c.engine.retryHeld().block(TestNode.BOUND)).as("still too shallow").isZero();

    chain.chain.mine(CONFIRMATIONS - 1);

    assertThat(c.engine.retryHeld().block(TestNode.BOUND)).isEqualTo(1);
    assertThat(a.ledger.applications).hasValue(1);
    assertThat(c.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.VERIFIED_HERE);
    assertThat(c.engine.retryHeld().block(TestNode.BOUND)).as("nothing held any more").isZero();
  }

  @Test
  void attestsAHeldReceiptOnceItsTransfersAreDeepEnoughHere() {
    InMemoryNetwork fast = new InMemoryNetwork();
    TestNode home = new TestNode(fast, chain.verifier(1), config, Clock.systemUTC());
    TestNode relay = new TestNode(fast, chain.verifier(1), config, Clock.systemUTC());
    TestNode careful = new TestNode(fast, chain.verifier(CONFIRMATIONS), config, Clock.systemUTC());
    DevChainPayer.OpenInvoice open = chain.openInvoice(home, BigInteger.TEN);

    relay.engine.submit(chain.pay(open, BigInteger.TEN)).block(TestNode.BOUND);

    assertThat(home.ledger.applications).hasValue(1);
    assertThat(careful.receipt(open.ref()).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.UNVERIFIED);
    assertThat(careful.engine.retryHeld().block(TestNode.BOUND)).isZero();
    // It held the gossiped proof too (pending under its policy), whichever came first.
    assertThat(careful.engine.held()).isEqualTo(new SettlementEngine.Held(1, 1));

    chain.chain.mine(CONFIRMATIONS - 1);

    // Now the proof is relayed (a duplicate at home) and the receipt attested.
    assertThat(careful.engine.retryHeld().block(TestNode.BOUND)).isEqualTo(2);
    assertThat(careful.engine.held()).isEqualTo(new SettlementEngine.Held(0, 0));
    assertThat(home.ledger.applications).hasValue(1);
    assertThat(careful.receipt(open.ref()).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.VERIFIED_HERE);
    assertThat(home.receipt(open.ref()).orElseThrow().attestations())
        .extracting(dev.payrelay.settlement.message.Attestation::attester)
        .containsExactlyInAnyOrder(relay.id(), careful.id());
    assertThat(careful.engine.retryHeld().block(TestNode.BOUND)).isZero();
  }

  private TestNode node() {
    return new TestNode(network, chain.verifier(CONFIRMATIONS), config, Clock.systemUTC());
  }
}
