package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deduplication and per-peer rate limits, on a node that holds every proof (no RPC endpoint). */
class ProofAdmissionTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T06:00:00Z"));
  final InMemoryNetwork network = new InMemoryNetwork();
  final NodeIdentity self = NodeIdentity.ephemeral();
  final EngineContext node =
      new EngineContext(
          self,
          SettlementConfig.of("test"),
          new InMemoryLedger(),
          network.join(self.peerId()),
          new InMemoryStore(),
          ChainVerifier.none(),
          clock);
  final ProofHandler proofs = new ProofHandler(node);
  final SplittableRandom random = new SplittableRandom(7);

  @Test
  void limitsEachPeerToItsBurstThenRefillsWithTime() {
    PeerId flooder = NodeIdentity.ephemeral().peerId();
    PeerId other = NodeIdentity.ephemeral().peerId();

    for (int i = 0; i < ProofHandler.PROOF_BURST; i++) {
      assertThat(handle(proof(), flooder)).isInstanceOf(ProofOutcome.Unverifiable.class);
    }
    assertThat(handle(proof(), flooder)).isInstanceOf(ProofOutcome.RateLimited.class);
    assertThat(handle(proof(), other)).isInstanceOf(ProofOutcome.Unverifiable.class);

    clock.advance(Duration.ofMillis(1_000 / ProofHandler.PROOFS_PER_SECOND));
    assertThat(handle(proof(), flooder)).isInstanceOf(ProofOutcome.Unverifiable.class);
    assertThat(handle(proof(), flooder)).isInstanceOf(ProofOutcome.RateLimited.class);
    assertThat(handle(proof(), flooder).validation()).isEqualTo(ValidationResult.IGNORE);
  }

  @Test
  void aDuplicateCostsNoTokenAndAnUnverifiableProofMayComeBack() {
    PeerId peer = NodeIdentity.ephemeral().peerId();
    PaymentProofMessage proof = proof();

    for (int i = 0; i < ProofHandler.PROOF_BURST * 2; i++) {
      // Held, not done: the same proof may be checked again (when an endpoint is back).
      assertThat(handle(proof, peer)).isInstanceOf(ProofOutcome.Unverifiable.class);
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void localSubmissionsAreNotRateLimitedAndAreKeptForTheHomesSync() {
    for (int i = 0; i < ProofHandler.PROOF_BURST + 5; i++) {
      assertThat(proofs.handle(proof(), Source.local()).block())
          .isInstanceOf(ProofOutcome.Unverifiable.class);
    }
    assertThat(((InMemoryStore) node.store()).all()).hasSize(ProofHandler.PROOF_BURST + 5);
  }

  private ProofOutcome handle(PaymentProofMessage proof, PeerId from) {
    return proofs
        .handle(proof, Source.gossip(new InboundMessage(from, from, new byte[0])))
        .block(TestNode.BOUND);
  }

  private PaymentProofMessage proof() {
    ChainId chain = ChainId.of(1337);
    byte[] tx = new byte[32];
    byte[] topic = new byte[32];
    byte[] to = new byte[20];
    random.nextBytes(tx);
    random.nextBytes(topic);
    random.nextBytes(to);
    return new PaymentProofMessage(
        new InvoiceRef(NodeIdentity.ephemeral().peerId(), UUID.randomUUID()),
        new TransferClaim(
            chain,
            TxHash.of(tx),
            OptionalLong.of(0),
            Asset.ether(chain),
            new PaymentRoute.ByReference(Address.of(to), topic),
            BigInteger.TEN));
  }
}
