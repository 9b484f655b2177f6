package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The messages a node keeps: proofs it relayed, receipts and attestations, each numbered by a
 * monotonic cursor (1, 2, …, never reused) that sync pages by; and, per peer, how far this node has
 * synced from it. The gateway implements it in PostgreSQL; tests in memory.
 */
public interface SettlementStore {

  /**
   * Stores {@code message} unless the same message (same envelope bytes) is stored already.
   *
   * @return the message's cursor, new or existing
   */
  Mono<Long> append(SettlementMessage message);

  /** Up to {@code limit} stored messages with a cursor above {@code cursor}, ascending. */
  Mono<List<SyncItem>> since(long cursor, int limit);

  /** The receipts stored for {@code invoice}, oldest first. */
  Mono<List<SettlementReceipt>> receipts(InvoiceRef invoice);

  /** The attestations stored for the receipt with SHA-256 {@code receiptDigest}. */
  Mono<List<Attestation>> attestations(byte[] receiptDigest);

  /** The last cursor of {@code peer}'s store that this node has processed; 0 if none. */
  Mono<Long> peerCursor(PeerId peer);

  /**
   * Records that this node has processed {@code peer}'s store up to {@code cursor}; a lower value
   * than the one recorded changes nothing (the cursor never moves back).
   */
  Mono<Void> savePeerCursor(PeerId peer, long cursor);
}
