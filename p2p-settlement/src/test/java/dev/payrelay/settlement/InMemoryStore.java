package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.SyncItem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/** The settlement store in memory: a test double of the PostgreSQL store the gateway will have. */
final class InMemoryStore implements SettlementStore {
  private final TreeMap<Long, SettlementMessage> byCursor = new TreeMap<>();
  private final Map<ByteBuffer, Long> cursorById = new HashMap<>();
  private final Map<PeerId, Long> peerCursors = new HashMap<>();

  @Override
  public synchronized Mono<Long> append(SettlementMessage message) {
    ByteBuffer id =
        ByteBuffer.wrap(SettlementMessages.messageId(SettlementMessages.encode(message)));
    Long existing = cursorById.get(id);
    if (existing != null) {
      return Mono.just(existing);
    }
    long cursor = byCursor.isEmpty() ? 1 : byCursor.lastKey() + 1;
    byCursor.put(cursor, message);
    cursorById.put(id, cursor);
    return Mono.just(cursor);
  }

  @Override
  public synchronized Mono<List<SyncItem>> since(long cursor, int limit) {
    List<SyncItem> items = new ArrayList<>();
    for (Map.Entry<Long, SettlementMessage> entry : byCursor.tailMap(cursor, false).entrySet()) {
      if (items.size() == limit) {
        break;
      }
      items.add(new SyncItem(entry.getKey(), entry.getValue()));
    }
    return Mono.just(items);
  }

  @Override
  public synchronized Mono<List<SettlementReceipt>> receipts(InvoiceRef invoice) {
    return Mono.just(
        byCursor.values().stream()
            .filter(m -> m instanceof SettlementReceipt r && r.invoice().equals(invoice))
            .map(SettlementReceipt.class::cast)
            .toList());
  }

  @Override
  public synchronized Mono<List<Attestation>> attestations(byte[] receiptDigest) {
    return Mono.just(
        byCursor.values().stream()
            .filter(
                m -> m instanceof Attestation a && Arrays.equals(a.receiptDigest(), receiptDigest))
            .map(Attestation.class::cast)
            .toList());
  }

  @Override
  public synchronized Mono<Long> peerCursor(PeerId peer) {
    return Mono.just(peerCursors.getOrDefault(peer, 0L));
  }

  @Override
  public synchronized Mono<Void> savePeerCursor(PeerId peer, long cursor) {
    peerCursors.merge(peer, cursor, Math::max);
    return Mono.empty();
  }

  synchronized List<SettlementMessage> all() {
    return List.copyOf(byCursor.values());
  }
}
