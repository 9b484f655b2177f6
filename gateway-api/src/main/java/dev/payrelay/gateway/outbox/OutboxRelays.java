package dev.payrelay.gateway.outbox;

import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxRelay;
import io.r2dbc.spi.ConnectionFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One {@link OutboxRelay} per {@link OutboxChannel} bean (webhooks, email, gossip), started when
 * the node is ready and stopped with it. A feature that leaves the database declares its channel as
 * a bean; this class does the rest. Several nodes may share a database: relays lease what they
 * deliver.
 */
@Component
public class OutboxRelays {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelays.class);

  private final Map<String, OutboxRelay> byChannel;

  OutboxRelays(
      ConnectionFactory connections,
      ObjectProvider<OutboxChannel> channels,
      OutboxProperties properties,
      Clock clock) {
    List<OutboxChannel> all = channels.orderedStream().toList();
    this.byChannel =
        all.stream()
            .map(
                channel ->
                    new OutboxRelay(
                        connections, channel, properties.policy(), clock, new SecureRandom()))
            .collect(Collectors.toUnmodifiableMap(OutboxRelay::channel, Function.identity()));
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    byChannel.values().forEach(OutboxRelay::start);
    if (!byChannel.isEmpty()) {
      log.info("Delivering the outbox's {} events", byChannel.keySet());
    }
  }

  /** The relay of {@code channel}, to {@linkplain OutboxRelay#wake() wake} it or to redeliver. */
  public Optional<OutboxRelay> relay(String channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    byChannel.values().forEach(OutboxRelay::close);
  }
}
