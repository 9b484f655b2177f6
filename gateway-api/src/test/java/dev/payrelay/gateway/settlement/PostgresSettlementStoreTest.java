package dev.payrelay.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.settlement.SettlementStore;
import dev.payrelay.settlement.SettlementStoreContract;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SyncItem;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The settlement store's contract on PostgreSQL, plus what only a shared database can get wrong.
 */
class PostgresSettlementStoreTest extends SettlementStoreContract {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Database db = migrated(TestDatabase.fresh(PostgresSettlementStoreTest.class));
  static final ConnectionFactory connections = InvoicingFixture.connections(db);

  private static Database migrated(Database database) {
    database.migrate();
    return database;
  }

  @Override
  protected SettlementStore store() {
    try (var c = db.connect();
        var s = c.createStatement()) {
      s.execute("TRUNCATE settlement_messages, settlement_peer_cursors RESTART IDENTITY");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return new PostgresSettlementStore(connections);
  }

  @Test
  void concurrentAppendsGetDistinctCursorsAndTheSameMessageKeepsOne() {
    SettlementStore store = store();
    Ed25519KeyPair home = Ed25519KeyPair.generate();
    List<PaymentProofMessage> proofs =
        Flux.range(0, 40).map(i -> proof(home, i)).collectList().block(WAIT);

    List<Long> cursors =
        Flux.fromIterable(proofs)
            .flatMap(p -> store.append(p).subscribeOn(Schedulers.parallel()), 16)
            .collectList()
            .block(WAIT);
    List<Long> again =
        Flux.range(0, 20)
            .flatMap(i -> store.append(proofs.get(7)).subscribeOn(Schedulers.parallel()), 16)
            .distinct()
            .collectList()
            .block(WAIT);

    assertThat(cursors).doesNotHaveDuplicates().hasSize(40);
    assertThat(again).hasSize(1);
    List<SyncItem> all = store.since(0, 100).block(WAIT);
    assertThat(all).extracting(SyncItem::message).containsExactlyInAnyOrderElementsOf(proofs);
    assertThat(all).extracting(SyncItem::cursor).isSorted();
  }

  private static PaymentProofMessage proof(Ed25519KeyPair home, int i) {
    ChainId chain = ChainId.of(1);
    byte[] tx = new byte[32];
    tx[30] = (byte) (i >> 8);
    tx[31] = (byte) i;
    return new PaymentProofMessage(
        new InvoiceRef(home.peerId(), UUID.randomUUID()),
        new TransferClaim(
            chain,
            TxHash.of(tx),
            OptionalLong.of(0),
            Asset.ether(chain),
            new PaymentRoute.ToDepositAddress(Address.of(new byte[20])),
            BigInteger.TEN));
  }
}
