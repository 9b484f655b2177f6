package dev.payrelay.invoicing.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Writes new invoices, a few statements in flight at a time: creates that arrive while {@link
 * #MAX_STATEMENTS_IN_FLIGHT} statements run wait, and go together in the next one ({@link
 * NewInvoicesStatement}, up to {@link #MAX_BATCH_INVOICES}), whichever stores they are for. A store
 * is in one statement in flight at most.
 *
 * <p>Why: numbers are gap-free per store, so a create holds the store row's lock from taking its
 * number until it commits. Creates of one store sent one by one queued on that lock inside
 * PostgreSQL, each waking, re-checking the row and committing on its own: a busy store's creates
 * cost PostgreSQL 1.7 times the CPU of the same rows inserted without the lock. And every create,
 * busy store or not, paid for a transaction and a round trip of its own. Here the queue is in the
 * node, where waiting costs nothing, and a batch pays for one of each. A create that finds fewer
 * statements in flight runs at once. Several nodes sharing the database still serialise on the row
 * locks, which alone keep numbers right; a statement locks its stores in id order, so two of them
 * cannot deadlock on each other.
 *
 * <p>A batch is written whole or not at all, per store: a store that no longer has the settings its
 * invoices were made with gets none written, and each of those creates emits nothing and retries
 * with settings read afresh, as a single create would. When the statement fails, each of its
 * creates is written again on its own, so one create's error (a constraint its rows break) is that
 * create's alone.
 */
public final class InvoiceWriter {

  /**
   * Invoices written by one statement at most: its parameters are then at most 32 requests' worth
   * (a request body is at most 64 KiB), and a batch waits for one statement, not for many.
   */
  static final int MAX_BATCH_INVOICES = 32;

  /**
   * Create statements this node runs at once. One would batch the most, but leave PostgreSQL idle
   * while the node sends a statement and reads its answer; two keep it busy.
   */
  static final int MAX_STATEMENTS_IN_FLIGHT = 2;

  private final DatabaseClient db;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Set<UUID> busyStores = new HashSet<>();
  private int inFlight;

  public InvoiceWriter(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Writes {@code invoice}: takes the store's next number, inserts the invoice with it, its lines
   * and its events (see {@link NewInvoice}). Numbers stay gap-free: a failed statement allocates
   * nothing.
   *
   * @return the invoice's number once committed; empty when the store does not exist, already has
   *     another reference secret or changed the settings the invoice was made with (then nothing
   *     was written)
   */
  public Mono<Long> create(NewInvoice invoice) {
    return Mono.create(
        sink -> {
          Pending pending = new Pending(invoice, sink);
          synchronized (this) {
            queue.add(pending);
          }
          startMore();
        });
  }

  /** A create waiting for its statement; cancelled ones are left out of the next batch. */
  private static final class Pending {
    final NewInvoice invoice;
    final MonoSink<Long> sink;
    volatile boolean cancelled;

    Pending(NewInvoice invoice, MonoSink<Long> sink) {
      this.invoice = invoice;
      this.sink = sink;
      sink.onCancel(() -> cancelled = true);
    }

    UUID store() {
      return invoice.invoice().storeId();
    }
  }

  /** Starts statements while fewer than the limit run and creates wait for one. */
  private void startMore() {
    while (true) {
      Map<UUID, List<Pending>> batch;
      synchronized (this) {
        if (inFlight >= MAX_STATEMENTS_IN_FLIGHT) {
          return;
        }
        batch = take();
        if (batch.isEmpty()) {
          return;
        }
        inFlight++;
        busyStores.addAll(batch.keySet());
      }
      run(batch);
    }
  }

  /**
   * The next batch: waiting creates in arrival order, by store, leaving out stores in a statement
   * in flight and creates that do not fit their store's first one. Caller holds the lock.
   */
  private Map<UUID, List<Pending>> take() {
    Map<UUID, List<Pending>> batch = new LinkedHashMap<>();
    int taken = 0;
    Iterator<Pending> waiting = queue.iterator();
    while (waiting.hasNext() && taken < MAX_BATCH_INVOICES) {
      Pending p = waiting.next();
      if (p.cancelled) {
        waiting.remove();
        continue;
      }
      if (busyStores.contains(p.store())) {
        continue;
      }
      List<Pending> group = batch.get(p.store());
      if (group == null) {
        group = new ArrayList<>();
        batch.put(p.store(), group);
      } else if (!fits(group.get(0).invoice, p.invoice)) {
        continue;
      }
      group.add(p);
      waiting.remove();
      taken++;
    }
    return batch;
  }

  private void run(Map<UUID, List<Pending>> batch) {
    List<Pending> all = batch.values().stream().flatMap(List::stream).toList();
    statement(List.copyOf(batch.values()))
        .subscribe(
            numbers -> {
              finished(batch.keySet());
              complete(all, numbers);
            },
            error -> {
              finished(batch.keySet());
              failed(all, error);
            });
  }

  /**
   * A statement ended: its stores are free, and the next batch starts before this one's creates are
   * answered, since answering runs their callers' work (rendering responses) on this thread.
   */
  private void finished(Set<UUID> stores) {
    synchronized (this) {
      inFlight--;
      busyStores.removeAll(stores);
    }
    startMore();
  }

  /**
   * Whether {@code other} can share {@code head}'s statement: the statement checks the store's
   * settings and gives it a reference secret once, so both must have been made with the same.
   */
  static boolean fits(NewInvoice head, NewInvoice other) {
    return head.invoice().storeId().equals(other.invoice().storeId())
        && Arrays.equals(head.referenceSecret(), other.referenceSecret())
        && head.settings().sameAs(other.settings());
  }

  private static void complete(List<Pending> batch, Map<UUID, Long> numbers) {
    for (Pending p : batch) {
      Long number = numbers.get(p.invoice.invoice().id());
      if (number == null) {
        p.sink.success();
      } else {
        p.sink.success(number);
      }
    }
  }

  /**
   * A batch's statement failed: one create's rows may be what it refused, so each is written again
   * on its own, one after the other, and only the ones that fail then fail.
   */
  private void failed(List<Pending> batch, Throwable error) {
    if (batch.size() == 1) {
      batch.get(0).sink.error(error);
      return;
    }
    Flux.fromIterable(batch)
        .concatMap(
            p ->
                statement(List.of(List.of(p)))
                    .doOnNext(numbers -> complete(List.of(p), numbers))
                    .onErrorResume(
                        e -> {
                          p.sink.error(e);
                          return Mono.empty();
                        }))
        .subscribe();
  }

  private Mono<Map<UUID, Long>> statement(List<List<Pending>> groups) {
    List<List<NewInvoice>> invoices =
        groups.stream().map(g -> g.stream().map(p -> p.invoice).toList()).toList();
    return Mono.defer(() -> NewInvoicesStatement.run(db, invoices));
  }
}
