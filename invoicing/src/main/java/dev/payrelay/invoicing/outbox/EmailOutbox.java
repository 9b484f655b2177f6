package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.persistence.OutboxRow;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Emails to an invoice's buyer into the outbox, in the caller's transaction: one row of channel
 * {@value #CHANNEL}, ordering key {@code email:<invoice id>} (so an invoice's emails go out in
 * order, never held up by its webhooks), payload {@code {"v":1, "kind":"invoice"|"receipt",
 * "invoiceId":…, "to":…}}. The address is the invoice's buyer email as stored; the content is
 * rendered when the email is sent.
 */
public final class EmailOutbox {

  /** The outbox channel of emails. */
  public static final String CHANNEL = OutboxWriter.EMAIL;

  /** Version of the payload. */
  public static final int VERSION = 1;

  /** What an email is about; {@link #wireName()} is its payload's {@code kind}. */
  public enum Kind {
    /** The invoice with its pay link. */
    INVOICE("invoice"),
    /** The receipt, once the invoice is PAID. */
    RECEIPT("receipt");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /** The outbox row's {@code event_type}, e.g. {@code email.invoice}. */
    public String eventType() {
      return "email." + wireName;
    }

    public static Kind ofWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no email kind '" + name + "'");
    }
  }

  /** What the ordering key of an invoice's emails starts with; the invoice id follows. */
  public static final String KEY_PREFIX = "email:";

  /** The ordering key of the emails of {@code invoiceId}. */
  public static String orderingKey(UUID invoiceId) {
    return KEY_PREFIX + invoiceId;
  }

  private static final String INSERT =
      "INSERT INTO outbox (store_id, channel, event_type, ordering_key, payload)"
          + " SELECT i.store_id, '"
          + CHANNEL
          + "', :type, :key, jsonb_build_object('v', "
          + VERSION
          + ", 'kind', CAST(:kind AS TEXT), 'invoiceId', i.id, 'to', i.buyer_email)"
          + " FROM invoices i WHERE i.id = :invoice AND i.buyer_email IS NOT NULL";

  /**
   * The invoice email of a new invoice, as a row written in the same statement as the invoice (see
   * {@code InvoiceCreator}); the same payload {@link #invoiceEmail} writes.
   */
  public static OutboxRow invoiceEmailRow(UUID invoiceId, String to) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("v", VERSION);
    payload.put("kind", Kind.INVOICE.wireName());
    payload.put("invoiceId", invoiceId.toString());
    payload.put("to", to);
    return new OutboxRow(
        CHANNEL, Kind.INVOICE.eventType(), orderingKey(invoiceId), payload.toString());
  }

  /**
   * Queues the invoice email of {@code invoiceId}; answers whether one was queued (not when the
   * invoice has no buyer email).
   */
  public Mono<Boolean> invoiceEmail(DatabaseClient tx, UUID invoiceId) {
    return insert(tx, invoiceId, Kind.INVOICE, "");
  }

  /**
   * Queues the receipt of {@code invoiceId} if it has a buyer email and no receipt is queued or
   * sent yet: a reorg can take an invoice from PAID back to OPEN and then PAID again, and one
   * receipt is enough. (A receipt given up on, e.g. because the invoice was not PAID any more when
   * its turn came, does not count.)
   */
  public Mono<Boolean> receipt(DatabaseClient tx, UUID invoiceId) {
    return insert(
        tx,
        invoiceId,
        Kind.RECEIPT,
        " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.channel = '"
            + CHANNEL
            + "' AND o.ordering_key = :key AND o.event_type = :type"
            + " AND o.dead_at IS NULL)");
  }

  private static Mono<Boolean> insert(DatabaseClient tx, UUID invoiceId, Kind kind, String guard) {
    return tx.sql(INSERT + guard)
        .bind("type", kind.eventType())
        .bind("key", orderingKey(invoiceId))
        .bind("kind", kind.wireName())
        .bind("invoice", invoiceId)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }
}
