package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.persistence.OutboxRow;
import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes events into the transactional outbox ({@code outbox}, see V1): one row per event, in the
 * caller's transaction, so the event exists exactly when the change that caused it does. Delivery
 * (at least once, in id order per ordering key) is someone else's job.
 */
public final class OutboxWriter {

  /** The channel of merchant-facing events. */
  public static final String WEBHOOK = "webhook";

  /** The channel of emails to buyers. */
  public static final String EMAIL = "email";

  /** The channel of the settlement network: a confirmed payment's signed receipt to publish. */
  public static final String GOSSIP = "gossip";

  private final ObjectMapper json;

  public OutboxWriter(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Adds one {@value #WEBHOOK} event.
   *
   * @param tx a client taking part in the transaction of the change
   * @param orderingKey events with the same key are delivered in the order written (an invoice id)
   */
  public Mono<Void> write(
      DatabaseClient tx, UUID storeId, String eventType, String orderingKey, JsonNode payload) {
    return write(tx, WEBHOOK, storeId, eventType, orderingKey, payload);
  }

  /**
   * Adds one event for {@code channel} (a value the {@code outbox.channel} column allows),
   * delivered by that channel's {@link OutboxRelay}.
   */
  public Mono<Void> write(
      DatabaseClient tx,
      String channel,
      UUID storeId,
      String eventType,
      String orderingKey,
      JsonNode payload) {
    OutboxRow row;
    try {
      row = row(channel, eventType, orderingKey, payload);
    } catch (IllegalStateException e) {
      return Mono.error(e);
    }
    DatabaseClient.GenericExecuteSpec insert =
        tx.sql(
                "INSERT INTO outbox (store_id, channel, event_type, ordering_key, payload)"
                    + " VALUES (:store, :channel, :type, :key, :payload)")
            .bind("channel", row.channel())
            .bind("type", row.eventType())
            .bind("key", row.orderingKey())
            .bind("payload", Json.of(row.payloadJson()));
    insert = storeId == null ? insert.bindNull("store", UUID.class) : insert.bind("store", storeId);
    return insert.then();
  }

  /**
   * One event as a row for a statement that writes it with its change (a new invoice: {@code
   * InvoiceRepository.create}), instead of {@link #write}.
   *
   * @param channel {@value #WEBHOOK}, {@value #EMAIL}, or another channel of the outbox
   * @throws IllegalStateException if the payload cannot be written as JSON
   */
  public OutboxRow row(String channel, String eventType, String orderingKey, JsonNode payload) {
    try {
      return new OutboxRow(channel, eventType, orderingKey, json.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outbox payload is not writable JSON", e);
    }
  }
}
