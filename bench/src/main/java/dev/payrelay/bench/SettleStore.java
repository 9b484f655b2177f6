package dev.payrelay.bench;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.SettlementStore;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * One node's settlement store in memory for the benchmark, indexed the way the engine asks (by
 * cursor, by invoice, by receipt digest), so that lookups stay cheap while thousands of proofs,
 * receipts and attestations pile up. A monitor guards it: the engine calls it from many threads.
 *
 * <p>Each new attestation of a receipt this store holds is told to {@link SettleTimes}: at the home
 * node, that is "the home node saw its receipt attested" (by one more node).
 */
final class SettleStore implements SettlementStore {

  private final NavigableMap<Long, SettlementMessage> byCursor = new TreeMap<>();
  private final Map<ByteBuffer, Long> cursorOfMessage = new HashMap<>();
  private final Map<InvoiceRef, List<SettlementReceipt>> receiptsOf = new HashMap<>();
  private final Map<ByteBuffer, SettlementReceipt> receiptByDigest = new HashMap<>();
  private final Map<ByteBuffer, List<Attestation>> attestationsOf = new HashMap<>();
  private final Map<PeerId, Long> syncedUpTo = new ConcurrentHashMap<>();
  private final SettleTimes times;
  private long lastCursor;

  SettleStore(SettleTimes times) {
    this.times = times;
  }

  @Override
  public Mono<Long> append(SettlementMessage message) {
    return Mono.fromSupplier(() -> appendNow(message));
  }

  private long appendNow(SettlementMessage message) {
    ByteBuffer id =
        ByteBuffer.wrap(SettlementMessages.messageId(SettlementMessages.encode(message)));
    SettlementReceipt attested = null;
    long cursor;
    synchronized (this) {
      Long known = cursorOfMessage.get(id);
      if (known != null) {
        return known;
      }
      cursor = ++lastCursor;
      byCursor.put(cursor, message);
      cursorOfMessage.put(id, cursor);
      if (message instanceof SettlementReceipt receipt) {
        receiptsOf.computeIfAbsent(receipt.invoice(), k -> new ArrayList<>()).add(receipt);
        receiptByDigest.put(ByteBuffer.wrap(receipt.digest()), receipt);
      } else if (message instanceof Attestation attestation) {
        ByteBuffer digest = ByteBuffer.wrap(attestation.receiptDigest());
        attestationsOf.computeIfAbsent(digest, k -> new ArrayList<>()).add(attestation);
        attested = receiptByDigest.get(digest);
      }
    }
    if (attested != null) {
      times.attested(attested.invoice().invoiceId());
    }
    return cursor;
  }

  @Override
  public synchronized Mono<List<SyncItem>> since(long cursor, int limit) {
    List<SyncItem> page = new ArrayList<>(Math.min(limit, byCursor.size()));
    for (Map.Entry<Long, SettlementMessage> e : byCursor.tailMap(cursor, false).entrySet()) {
      if (page.size() >= limit) {
        break;
      }
      page.add(new SyncItem(e.getKey(), e.getValue()));
    }
    return Mono.just(page);
  }

  @Override
  public synchronized Mono<List<SettlementReceipt>> receipts(InvoiceRef invoice) {
    return Mono.just(List.copyOf(receiptsOf.getOrDefault(invoice, List.of())));
  }

  @Override
  public synchronized Mono<List<Attestation>> attestations(byte[] receiptDigest) {
    return Mono.just(
        List.copyOf(attestationsOf.getOrDefault(ByteBuffer.wrap(receiptDigest), List.of())));
  }

  /** Cursors need no monitor: each is one map entry that only moves forward. */
  @Override
  public Mono<Long> peerCursor(PeerId peer) {
    return Mono.fromSupplier(() -> syncedUpTo.getOrDefault(peer, 0L));
  }

  @Override
  public Mono<Void> savePeerCursor(PeerId peer, long cursor) {
    return Mono.fromRunnable(() -> syncedUpTo.merge(peer, cursor, Long::max));
  }
}
