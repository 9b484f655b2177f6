package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.MessageFormatException;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import dev.payrelay.settlement.message.SyncRequest;
import dev.payrelay.settlement.message.SyncResponse;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Catch-up sync between two nodes without RPC endpoints: paging, cursors, bad peers. */
class CatchUpTest {
  static final int STORED = SyncRequest.MAX_PAGE_ITEMS * 2 + 44;

  final InMemoryNetwork network = new InMemoryNetwork();
  final SettlementConfig config = SettlementConfig.of("test");
  final TestNode server = new TestNode(network, ChainVerifier.none(), config, Clock.systemUTC());
  final TestNode client = new TestNode(network, ChainVerifier.none(), config, Clock.systemUTC());

  @Test
  void fetchesEveryPageSinceTheLastCursorAndThenNothingMore() {
    for (int i = 0; i < STORED; i++) {
      server.store.append(proof(i)).block();
    }

    assertThat(client.engine.catchUp(server.id()).block(TestNode.BOUND)).isEqualTo(STORED);
    assertThat(client.store.peerCursor(server.id()).block()).isEqualTo((long) STORED);
    assertThat(client.engine.catchUp(server.id()).block(TestNode.BOUND)).isZero();

    server.store.append(proof(STORED)).block();
    assertThat(client.engine.catchUp(server.id()).block(TestNode.BOUND)).isEqualTo(1);
    assertThat(network.penalties).isEmpty();
  }

  @Test
  void answersInPagesNoLargerThanTheMaximumWhateverIsAsked() {
    for (int i = 0; i < STORED; i++) {
      server.store.append(proof(i)).block();
    }
    SettlementNetwork asker = network.join(NodeIdentity.ephemeral().peerId());

    SyncResponse first =
        SyncResponse.decode(
            asker
                .requestSync(server.id(), new SyncRequest(0, SyncRequest.MAX_PAGE_ITEMS).encode())
                .block());
    SyncResponse small =
        SyncResponse.decode(
            asker
                .requestSync(server.id(), new SyncRequest(first.nextCursor(), 3).encode())
                .block());

    assertThat(first.items()).hasSize(SyncRequest.MAX_PAGE_ITEMS);
    assertThat(first.nextCursor()).isEqualTo(SyncRequest.MAX_PAGE_ITEMS);
    assertThat(small.items()).extracting(i -> i.cursor()).containsExactly(129L, 130L, 131L);
    assertThatThrownBy(
            () -> asker.requestSync(server.id(), new byte[] {0x08, 0x01, 0x18, 0x00}).block())
        .isInstanceOf(MessageFormatException.class);
  }

  @Test
  void penalizesAPeerThatAnswersGarbageOrServesFalseMessages() {
    SettlementNetwork liar = network.join(NodeIdentity.ephemeral().peerId());
    liar.serveSync(
        (from, request) -> reactor.core.publisher.Mono.just(new byte[] {0x08, 0x01, 0x7f}));

    assertThat(client.engine.catchUp(peerOf(liar)).block(TestNode.BOUND)).isZero();
    assertThat(network.penaltiesOf(peerOf(liar)))
        .extracting(InMemoryNetwork.PenaltyRecord::what)
        .containsExactly(Penalty.MALFORMED_SYNC_RESPONSE.name());

    SettlementNetwork forger = network.join(NodeIdentity.ephemeral().peerId());
    SettlementReceipt signed =
        SettlementReceipt.sign(
            server.identity.keyPair(),
            new InvoiceRef(server.id(), UUID.randomUUID()),
            new byte[32],
            java.util.List.of(proof(1).transfer()),
            ReceiptStatus.PROCESSING,
            java.time.Instant.EPOCH);
    SettlementReceipt claimedPaid =
        new SettlementReceipt(
            signed.invoice(),
            signed.invoiceDigest(),
            signed.transfers(),
            ReceiptStatus.PAID,
            signed.issuedAt(),
            signed.signature());
    byte[] page =
        new SyncResponse(
                java.util.List.of(new SyncItem(1, claimedPaid), new SyncItem(2, proof(2))), 2)
            .encode();
    forger.serveSync((from, request) -> reactor.core.publisher.Mono.just(page));

    assertThat(client.engine.catchUp(peerOf(forger)).block(TestNode.BOUND)).isEqualTo(2);
    assertThat(network.penaltiesOf(peerOf(forger)))
        .extracting(InMemoryNetwork.PenaltyRecord::what)
        .containsExactly(Penalty.INVALID_SYNC_ITEM.name());
    assertThat(client.store.all()).doesNotContain(claimedPaid);
  }

  @Test
  void failsWhenThePeerIsUnreachable() {
    network.setOnline(server.id(), false);

    assertThatThrownBy(() -> client.engine.catchUp(server.id()).block(TestNode.BOUND))
        .hasMessageContaining("not reachable");
  }

  private dev.payrelay.p2p.core.PeerId peerOf(SettlementNetwork endpoint) {
    return network.peerOf(endpoint);
  }

  static PaymentProofMessage proof(int i) {
    ChainId chain = ChainId.of(1);
    byte[] tx = new byte[32];
    tx[0] = (byte) (i >> 8);
    tx[1] = (byte) i;
    return new PaymentProofMessage(
        new InvoiceRef(NodeIdentity.ephemeral().peerId(), new UUID(0, i)),
        new TransferClaim(
            chain,
            TxHash.of(tx),
            OptionalLong.empty(),
            Asset.ether(chain),
            new PaymentRoute.ToDepositAddress(Address.of(new byte[20])),
            BigInteger.valueOf(i)));
  }
}
