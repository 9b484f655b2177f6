package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message ids seen in the last {@code seenTtl}, with what became of each: the duplicate filter, and
 * the memory of peers that relayed a message while it was being validated (so they share the
 * penalty if it is rejected and are not sent it back if it is accepted).
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#message-cache">
 * gossipsub v1.0 "Message Cache"</a> ({@code seen}). Entries are kept in insertion order; since the
 * TTL is constant that is expiry order, so expiry stops at the first live entry.
 */
final class SeenCache {
  enum Status {
    VALIDATING,
    ACCEPTED,
    REJECTED,
    IGNORED
  }

  static final class Entry {
    final long expiresAtMillis;
    Status status;
    Set<PeerId> relayedDuringValidation;

    Entry(long expiresAtMillis, Status status) {
      this.expiresAtMillis = expiresAtMillis;
      this.status = status;
    }

    Set<PeerId> relayers() {
      if (relayedDuringValidation == null) {
        relayedDuringValidation = new HashSet<>();
      }
      return relayedDuringValidation;
    }
  }

  private final long ttlMillis;
  private final Map<MessageId, Entry> entries = new LinkedHashMap<>();

  /** The ids of {@link #entries}, readable from any thread ({@link #containsFromAnyThread}). */
  private final Set<MessageId> ids = ConcurrentHashMap.newKeySet();

  SeenCache(long ttlMillis) {
    this.ttlMillis = ttlMillis;
  }

  Entry get(MessageId id) {
    return entries.get(id);
  }

  boolean contains(MessageId id) {
    return entries.containsKey(id);
  }

  /**
   * Whether {@code id} is in the cache, from any thread: for the signature checks done before the
   * router sees a message, which skip known duplicates. A moment stale at worst.
   */
  boolean containsFromAnyThread(MessageId id) {
    return ids.contains(id);
  }

  Entry add(MessageId id, Status status, long nowMillis) {
    Entry entry = new Entry(nowMillis + ttlMillis, status);
    entries.put(id, entry);
    ids.add(id);
    return entry;
  }

  void expire(long nowMillis) {
    Iterator<Map.Entry<MessageId, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<MessageId, Entry> next = it.next();
      Entry entry = next.getValue();
      if (entry.expiresAtMillis > nowMillis) {
        return;
      }
      if (entry.status != Status.VALIDATING) {
        it.remove();
        ids.remove(next.getKey());
      }
    }
  }

  int size() {
    return entries.size();
  }
}
