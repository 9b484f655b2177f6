package dev.payrelay.gateway.webhooks;

import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.outbox.OutboxWriter;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The first hop of a webhook: "delivers" an event row of the outbox (channel {@value
 * OutboxWriter#WEBHOOK}, the store's event log, written in the transaction of the change) by
 * inserting one {@value DeliveryChannel#NAME} row per enabled endpoint of the store that subscribed
 * to its type, in one statement. The rows' ordering key is {@code <endpoint id>:<event ordering
 * key>}: events of one invoice reach one endpoint in order, and a failing endpoint holds up only
 * its own deliveries. A delivery row's {@code event_id} is derived from the event's and the
 * endpoint's ids, so a fan-out repeated after a crash adds nothing.
 */
final class FanOutChannel implements OutboxChannel {

  private static final String FAN_OUT =
      "INSERT INTO outbox (event_id, store_id, channel, event_type, ordering_key, payload,"
          + " webhook_endpoint_id)"
          + " SELECT md5(o.event_id::text || ':' || e.id::text)::uuid, o.store_id, '"
          + DeliveryChannel.NAME
          + "', o.event_type, e.id::text || ':' || o.ordering_key,"
          + " jsonb_build_object('endpoint', e.id, 'message', "
          + EventMessages.jsonb("o")
          + "), e.id"
          + " FROM outbox o JOIN webhook_endpoints e ON e.store_id = o.store_id"
          + " WHERE o.id = :id AND e.enabled AND o.event_type = ANY (e.event_types)"
          + " ON CONFLICT (event_id) DO NOTHING";

  private final DatabaseClient db;
  private final Runnable wakeDelivery;

  /**
   * @param wakeDelivery called after new delivery rows were written, so they go out at once
   */
  FanOutChannel(DatabaseClient db, Runnable wakeDelivery) {
    this.db = db;
    this.wakeDelivery = wakeDelivery;
  }

  @Override
  public String name() {
    return OutboxWriter.WEBHOOK;
  }

  @Override
  public Mono<Void> deliver(OutboxEvent event) {
    if (event.storeId() == null) {
      return Mono.empty(); // a node-level event: no store, no endpoints
    }
    return db.sql(FAN_OUT)
        .bind("id", event.id())
        .fetch()
        .rowsUpdated()
        .doOnNext(
            inserted -> {
              if (inserted > 0) {
                wakeDelivery.run();
              }
            })
        .then();
  }
}
