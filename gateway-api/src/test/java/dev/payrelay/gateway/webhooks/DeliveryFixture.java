package dev.payrelay.gateway.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxRelay;
import dev.payrelay.invoicing.outbox.RelayPolicy;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The webhook delivery machinery without the HTTP API: a real database (with the real invoice use
 * cases writing the outbox), the two channels, and relays that tests start, stop and start again,
 * as a node's restart would. Retries come after milliseconds instead of seconds.
 */
final class DeliveryFixture implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);

  /**
   * Retries after 0.5 to 1 s (instead of 5 s to an hour), a 3 s lease (instead of 60 s), polls
   * every 50 ms. The first retry comes well after a test has seen an attempt's outcome recorded, so
   * a test can stop the relay between attempts, never during one.
   */
  static final RelayPolicy FAST =
      new RelayPolicy(
          100,
          16,
          Duration.ofSeconds(10),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          0.2,
          Duration.ofDays(3),
          Duration.ofMillis(50));

  final InvoicingFixture fx;
  final ConnectionPool connections;
  final DatabaseClient db;
  final UUID store;
  final WebhookEndpoints endpoints;
  private final List<OutboxRelay> relays = new ArrayList<>();
  private OutboxRelay delivery;

  DeliveryFixture(Class<?> testClass) {
    fx = InvoicingFixture.start(testClass);
    // Pooled, as the node's connections are: the fixture's own factory opens one per statement.
    connections =
        new ConnectionPool(ConnectionPoolConfiguration.builder(fx.connections).maxSize(20).build());
    db = DatabaseClient.create(connections);
    store = fx.store(InvoicingFixture.RECEIVING, null);
    endpoints = new WebhookEndpoints(db);
  }

  /** An enabled endpoint of the store at {@code url} for {@code types}. */
  WebhookEndpoint endpoint(URI url, String... types) {
    return endpoints
        .insert(
            store,
            url.toString(),
            "",
            List.of(types),
            WebhookSecret.generate(new SecureRandom()),
            true,
            Instant.now().truncatedTo(ChronoUnit.MICROS))
        .block(WAIT);
  }

  /** A new invoice of the store (the real use case writes its {@code invoice.created}). */
  Invoice invoice() {
    return fx.invoices.create(InvoicingFixture.usdc(store, "10")).block(WAIT);
  }

  /** Starts the fan-out relay and a delivery relay with {@code disableAfter}. */
  void startRelays(Duration disableAfter) {
    start(new FanOutChannel(db, this::wakeDelivery));
    startDelivery(disableAfter);
  }

  /** Starts a new delivery relay (as a restarted node would). */
  void startDelivery(Duration disableAfter) {
    delivery =
        start(
            new DeliveryChannel(
                db,
                new TargetGuard(true),
                new WebhookSender(Duration.ofSeconds(10)),
                new ObjectMapper(),
                Clock.systemUTC(),
                disableAfter));
  }

  /** Stops the delivery relay (as a node's shutdown would). */
  void stopDelivery() {
    delivery.close();
    relays.remove(delivery);
    delivery = null;
  }

  private void wakeDelivery() {
    OutboxRelay current = delivery;
    if (current != null) {
      current.wake();
    }
  }

  private OutboxRelay start(OutboxChannel channel) {
    OutboxRelay relay =
        new OutboxRelay(connections, channel, FAST, Clock.systemUTC(), new SecureRandom());
    relays.add(relay);
    return relay.start();
  }

  long count(String sql) {
    return fx.count(sql);
  }

  @Override
  public void close() {
    relays.forEach(OutboxRelay::close);
    relays.clear();
    connections.dispose();
  }
}
