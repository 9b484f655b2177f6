package dev.payrelay.invoicing.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Writes new invoices, one statement in flight per store on this node: the creates of a store that
 * arrive while its statement runs wait, and go together in the next one ({@link
 * NewInvoicesStatement}, up to {@link #MAX_BATCH_INVOICES}).
 *
 * <p>Why: numbers are gap-free per store, so a create holds the store row's lock from taking its
 * number until it commits. Creates of one store sent one by one queue on that lock inside
 * PostgreSQL, each waking, re-checking the row and committing on its own; measured, that made a
 * busy store's creates cost PostgreSQL 1.7 times the CPU of the same rows inserted without the
 * lock. Here the queue is in the node, where waiting costs nothing, and a batch pays for one lock,
 * one commit and one round trip. An idle store's create is not delayed: it runs at once. Several
 * nodes sharing the database still serialise on the row lock, which alone keeps numbers right.
 *
 * <p>A batch is written whole or not at all. When it fails, each of its creates is written again on
 * its own, so one create's error (a constraint its rows break) is that create's alone. When the
 * store no longer has the settings a batch was made with, every create of it emits nothing and
 * retries with settings read afresh, as a single create would.
 */
public final class InvoiceWriter {

  /** Invoices written by one statement at most (its arrays stay well under a megabyte). */
  static final int MAX_BATCH_INVOICES = 32;

  private final DatabaseClient db;
  private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();

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
    return Mono.create(sink -> submit(new Pending(invoice, sink)));
  }

  private void submit(Pending pending) {
    UUID store = pending.invoice.invoice().storeId();
    while (true) {
      Lane lane = lanes.computeIfAbsent(store, id -> new Lane(id));
      Lane.Admission admission = lane.admit(pending);
      if (admission == Lane.Admission.START) {
        lane.runNext();
        return;
      }
      if (admission == Lane.Admission.QUEUED) {
        return;
      }
      // the lane was retired between the lookup and the admission: take the store's next one
    }
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
  }

  /** One store's queue; {@code running} while a statement of it is in flight. */
  private final class Lane {

    enum Admission {
      START,
      QUEUED,
      RETIRED
    }

    private final UUID store;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean running;
    private boolean retired;

    Lane(UUID store) {
      this.store = store;
    }

    synchronized Admission admit(Pending pending) {
      if (retired) {
        return Admission.RETIRED;
      }
      queue.add(pending);
      if (running) {
        return Admission.QUEUED;
      }
      running = true;
      return Admission.START;
    }

    /** Runs the next batch, or retires the lane when nothing waits. */
    void runNext() {
      List<Pending> batch = take();
      if (batch == null) {
        return;
      }
      // The next batch starts before this one's creates are answered: answering runs their
      // callers' work (rendering the responses) on this thread.
      statement(batch)
          .subscribe(
              numbers -> {
                runNext();
                complete(batch, numbers);
              },
              error -> {
                runNext();
                failed(batch, error);
              });
    }

    private synchronized List<Pending> take() {
      queue.removeIf(p -> p.cancelled);
      if (queue.isEmpty()) {
        running = false;
        retired = true;
        lanes.remove(store, this);
        return null;
      }
      List<Pending> batch = new ArrayList<>();
      Pending head = queue.poll();
      batch.add(head);
      Iterator<Pending> rest = queue.iterator();
      while (rest.hasNext() && batch.size() < MAX_BATCH_INVOICES) {
        Pending p = rest.next();
        if (fits(head.invoice, p.invoice)) {
          batch.add(p);
          rest.remove();
        }
      }
      return batch;
    }
  }

  /**
   * Whether {@code other} can share {@code head}'s statement: the statement checks the store's
   * settings and gives it a reference secret once, so both must have been made with the same.
   */
  static boolean fits(NewInvoice head, NewInvoice other) {
    StoreRepository.Settings a = head.settings();
    StoreRepository.Settings b = other.settings();
    return head.invoice().storeId().equals(other.invoice().storeId())
        && Arrays.equals(head.referenceSecret(), other.referenceSecret())
        && a.receivingAddress().equals(b.receivingAddress())
        && a.hasXpub() == b.hasXpub()
        && a.defaultExpirySeconds() == b.defaultExpirySeconds()
        && Arrays.equals(a.referenceSecret().orElse(null), b.referenceSecret().orElse(null));
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
                statement(List.of(p))
                    .doOnNext(numbers -> complete(List.of(p), numbers))
                    .onErrorResume(
                        e -> {
                          p.sink.error(e);
                          return Mono.empty();
                        }))
        .subscribe();
  }

  private Mono<Map<UUID, Long>> statement(List<Pending> batch) {
    List<NewInvoice> invoices = batch.stream().map(p -> p.invoice).toList();
    return Mono.defer(() -> NewInvoicesStatement.run(db, invoices));
  }
}
