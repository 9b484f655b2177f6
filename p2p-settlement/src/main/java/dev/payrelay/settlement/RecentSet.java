package dev.payrelay.settlement;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recent {@code capacity} keys seen, the oldest forgotten first. Thread-safe. */
final class RecentSet<K> {
  private final Map<K, Boolean> keys;

  RecentSet(int capacity) {
    this.keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Adds {@code key}; false if it was there already. */
  synchronized boolean add(K key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  synchronized boolean contains(K key) {
    return keys.containsKey(key);
  }
}
