package dev.payrelay.gateway.mail;

import dev.payrelay.gateway.outbox.OutboxRelays;
import dev.payrelay.invoicing.outbox.OutboxRelay;
import dev.payrelay.invoicing.outbox.OutboxWriter;
import io.r2dbc.spi.ConnectionFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code mail} in {@code /actuator/health}: how many emails wait and how many were given up on, and
 * the SMTP server they go to. {@code UNKNOWN} (which leaves the node's overall status alone) when
 * no SMTP host is configured; {@code UP} otherwise, also while the server is unreachable: an SMTP
 * outage delays emails, it does not make the node unhealthy. Failed attempts since start show under
 * {@code failedAttempts}.
 */
@Component
class MailHealthIndicator implements ReactiveHealthIndicator {

  private final MailProperties mail;
  private final DatabaseClient db;
  private final OutboxRelays relays;

  MailHealthIndicator(MailProperties mail, ConnectionFactory connections, OutboxRelays relays) {
    this.mail = mail;
    this.db = DatabaseClient.create(connections);
    this.relays = relays;
  }

  @Override
  public Mono<Health> health() {
    return db.sql(
            "SELECT count(*) FILTER (WHERE dead_at IS NULL) AS queued,"
                + " count(*) FILTER (WHERE dead_at IS NOT NULL) AS failed FROM outbox"
                + " WHERE channel = :channel AND delivered_at IS NULL")
        .bind("channel", OutboxWriter.EMAIL)
        .map(row -> new long[] {row.get("queued", Long.class), row.get("failed", Long.class)})
        .one()
        .map(counts -> health(counts[0], counts[1]));
  }

  private Health health(long queued, long failed) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("configured", mail.smtp().isPresent());
    details.put("queued", queued);
    details.put("failed", failed);
    if (mail.smtp().isEmpty()) {
      details.put("hint", "set payrelay.mail.host to send the queued emails");
      return Health.unknown().withDetails(details).build();
    }
    details.put("server", mail.smtp().get().host() + ":" + mail.smtp().get().port());
    Optional<OutboxRelay> relay = relays.relay(OutboxWriter.EMAIL);
    relay.ifPresent(
        r -> {
          details.put("sentSinceStart", r.stats().delivered());
          details.put("failedAttempts", r.stats().failedAttempts());
        });
    return Health.up().withDetails(details).build();
  }
}
