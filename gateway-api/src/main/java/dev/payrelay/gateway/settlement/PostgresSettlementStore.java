package dev.payrelay.gateway.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.SettlementStore;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The settlement store in PostgreSQL ({@code settlement_messages}, {@code settlement_peer_cursors};
 * V8). Messages are kept as their canonical envelopes and decoded again when read, so what sync
 * hands to a peer is byte for byte what was received.
 */
public final class PostgresSettlementStore implements SettlementStore {

  /**
   * The advisory lock that serialises appends: a cursor becomes visible only after every smaller
   * one, so a sync reader that saw cursor n never misses a message numbered below n later.
   */
  static final long APPEND_LOCK = 0x5041_5952_454c_4159L; // "PAYRELAY"

  /** Most messages one {@link #since} page reads, whatever the caller asks. */
  public static final int MAX_PAGE = 1_000;

  private final DatabaseClient db;
  private final TransactionalOperator transactions;

  public PostgresSettlementStore(ConnectionFactory connections) {
    this.db = DatabaseClient.create(connections);
    this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
  }

  @Override
  public Mono<Long> append(SettlementMessage message) {
    byte[] envelope = SettlementMessages.encode(message);
    byte[] id = SettlementMessages.messageId(envelope);
    Mono<Long> work =
        db.sql("SELECT pg_advisory_xact_lock(:lock)")
            .bind("lock", APPEND_LOCK)
            .then()
            .then(insert(message, envelope, id))
            .switchIfEmpty(
                db.sql("SELECT cursor FROM settlement_messages WHERE message_id = :id")
                    .bind("id", ByteBuffer.wrap(id))
                    .map(row -> row.get("cursor", Long.class))
                    .one());
    return transactions.transactional(work);
  }

  private Mono<Long> insert(SettlementMessage message, byte[] envelope, byte[] id) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(
                "INSERT INTO settlement_messages"
                    + " (message_id, kind, invoice_home, invoice_id, receipt_digest, envelope)"
                    + " VALUES (:id, :kind, :home, :invoice, :digest, :envelope)"
                    + " ON CONFLICT (message_id) DO NOTHING RETURNING cursor")
            .bind("id", ByteBuffer.wrap(id))
            .bind("envelope", ByteBuffer.wrap(envelope));
    InvoiceRef invoice = null;
    byte[] digest = null;
    String kind;
    if (message instanceof PaymentProofMessage) {
      kind = "proof";
      invoice = ((PaymentProofMessage) message).invoice();
    } else if (message instanceof SettlementReceipt) {
      kind = "receipt";
      invoice = ((SettlementReceipt) message).invoice();
    } else {
      kind = "attestation";
      digest = ((Attestation) message).receiptDigest();
    }
    spec = spec.bind("kind", kind);
    spec =
        invoice == null
            ? spec.bindNull("home", String.class).bindNull("invoice", UUID.class)
            : spec.bind("home", invoice.home().toBase58()).bind("invoice", invoice.invoiceId());
    spec =
        digest == null
            ? spec.bindNull("digest", ByteBuffer.class)
            : spec.bind("digest", ByteBuffer.wrap(digest));
    return spec.map(row -> row.get("cursor", Long.class)).one();
  }

  @Override
  public Mono<List<SyncItem>> since(long cursor, int limit) {
    return db.sql(
            "SELECT cursor, envelope FROM settlement_messages WHERE cursor > :cursor"
                + " ORDER BY cursor LIMIT :limit")
        .bind("cursor", Math.max(0, cursor))
        .bind("limit", Math.max(0, Math.min(limit, MAX_PAGE)))
        .map(row -> new SyncItem(row.get("cursor", Long.class), decode(row.get("envelope"))))
        .all()
        .collectList();
  }

  @Override
  public Mono<List<SettlementReceipt>> receipts(InvoiceRef invoice) {
    return db.sql(
            "SELECT envelope FROM settlement_messages WHERE kind = 'receipt'"
                + " AND invoice_home = :home AND invoice_id = :invoice ORDER BY cursor")
        .bind("home", invoice.home().toBase58())
        .bind("invoice", invoice.invoiceId())
        .map(row -> (SettlementReceipt) decode(row.get("envelope")))
        .all()
        .collectList();
  }

  @Override
  public Mono<List<Attestation>> attestations(byte[] receiptDigest) {
    return db.sql(
            "SELECT envelope FROM settlement_messages WHERE kind = 'attestation'"
                + " AND receipt_digest = :digest ORDER BY cursor")
        .bind("digest", ByteBuffer.wrap(receiptDigest))
        .map(row -> (Attestation) decode(row.get("envelope")))
        .all()
        .collectList();
  }

  @Override
  public Mono<Long> peerCursor(PeerId peer) {
    return db.sql("SELECT cursor FROM settlement_peer_cursors WHERE peer_id = :peer")
        .bind("peer", peer.toBase58())
        .map(row -> row.get("cursor", Long.class))
        .one()
        .defaultIfEmpty(0L);
  }

  @Override
  public Mono<Void> savePeerCursor(PeerId peer, long cursor) {
    return db.sql(
            "INSERT INTO settlement_peer_cursors (peer_id, cursor) VALUES (:peer, :cursor)"
                + " ON CONFLICT (peer_id) DO UPDATE SET"
                + " cursor = greatest(settlement_peer_cursors.cursor, EXCLUDED.cursor),"
                + " updated_at = now()")
        .bind("peer", peer.toBase58())
        .bind("cursor", Math.max(0, cursor))
        .then();
  }

  private static SettlementMessage decode(Object column) {
    ByteBuffer buffer = (ByteBuffer) column;
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return SettlementMessages.decode(bytes);
  }
}
