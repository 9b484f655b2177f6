package dev.payrelay.bench;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When each benchmark invoice was settled, as its home node saw it: the moment its ledger applied
 * the transfer, and the moments the first and the last attestation of its receipt reached its
 * store. Shared by the ten nodes' ledgers and stores, read by the benchmark's clients. Thread-safe.
 *
 * <p>It also keeps the exactly-once evidence: how many times a ledger applied a transfer to each
 * invoice (must be 0 or 1) and how many applications there were in all.
 */
final class SettleTimes {

  private final Map<UUID, CompletableFuture<Long>> applied = new ConcurrentHashMap<>();
  private final Map<UUID, CompletableFuture<Long>> attested = new ConcurrentHashMap<>();
  private final Map<UUID, CompletableFuture<Long>> attestedByAll = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicInteger> attestations = new ConcurrentHashMap<>();
  private final int attesters;
  private final Map<UUID, AtomicInteger> applications = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  /**
   * @param attesters the attestations a receipt gets when every other node attests it
   */
  SettleTimes(int attesters) {
    this.attesters = attesters;
  }

  /** Watches {@code invoice} from now on; call it before its proof is submitted. */
  void watch(UUID invoice) {
    applied.put(invoice, new CompletableFuture<>());
    attested.put(invoice, new CompletableFuture<>());
    attestedByAll.put(invoice, new CompletableFuture<>());
    attestations.put(invoice, new AtomicInteger());
    applications.put(invoice, new AtomicInteger());
  }

  /** A home ledger applied a transfer to {@code invoice} now. */
  void applied(UUID invoice) {
    long now = System.nanoTime();
    total.incrementAndGet();
    AtomicInteger count = applications.get(invoice);
    if (count != null) {
      count.incrementAndGet();
    }
    CompletableFuture<Long> at = applied.get(invoice);
    if (at != null) {
      at.complete(now);
    }
  }

  /** The home store received another attestation of {@code invoice}'s receipt now. */
  void attested(UUID invoice) {
    long now = System.nanoTime();
    AtomicInteger count = attestations.get(invoice);
    if (count == null) {
      return;
    }
    int seen = count.incrementAndGet();
    attested.get(invoice).complete(now);
    if (seen >= attesters) {
      attestedByAll.get(invoice).complete(now);
    }
  }

  /** {@link System#nanoTime()} when {@code invoice} was applied, once it is. */
  CompletableFuture<Long> appliedAt(UUID invoice) {
    return applied.get(invoice);
  }

  /** {@link System#nanoTime()} of the first attestation of {@code invoice}'s receipt at home. */
  CompletableFuture<Long> attestedAt(UUID invoice) {
    return attested.get(invoice);
  }

  /** When the home node held an attestation of {@code invoice}'s receipt from every other node. */
  CompletableFuture<Long> attestedByAllAt(UUID invoice) {
    return attestedByAll.get(invoice);
  }

  /** How many times a ledger applied a transfer to {@code invoice}. */
  int applicationsOf(UUID invoice) {
    AtomicInteger count = applications.get(invoice);
    return count == null ? 0 : count.get();
  }

  /** Applications by every ledger, all invoices together. */
  int applications() {
    return total.get();
  }
}
