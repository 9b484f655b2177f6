package dev.payrelay.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

/** The node starts a relay for every channel bean and delivers what is in the outbox. */
@SpringBootTest
class OutboxRelaysTest {

  static final Database db = TestDatabase.fresh(OutboxRelaysTest.class);
  static final List<OutboxEvent> gossiped = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
    registry.add("payrelay.outbox.poll-interval", () -> "100ms");
    // The node's own gossip channel (settlement receipts) comes with the network; this test puts
    // a recording one in its place.
    registry.add("payrelay.network.enabled", () -> "false");
  }

  @TestConfiguration
  static class GossipChannel {
    @Bean
    OutboxChannel gossip() {
      return new OutboxChannel() {
        @Override
        public String name() {
          return "gossip";
        }

        @Override
        public Mono<Void> deliver(OutboxEvent event) {
          return Mono.fromRunnable(() -> gossiped.add(event));
        }
      };
    }
  }

  @Autowired OutboxRelays relays;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void aRowWrittenForAChannelIsDeliveredByItsRelay() throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO outbox (channel, event_type, ordering_key, payload)"
              + " VALUES ('gossip', 'receipt.published', 'r1', '{\"n\":1}')");
    }
    relays.relay("gossip").orElseThrow().wake();

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (gossiped.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(gossiped)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.eventType()).isEqualTo("receipt.published");
              assertThat(e.payload().get("n").asInt()).isEqualTo(1);
            });
    // With the network off the node runs without it: no host, no settlement endpoints.
    assertThat(context.getBeansOfType(dev.payrelay.settlement.network.SettlementNode.class))
        .isEmpty();
    // One relay per channel bean: the webhooks feature declares two, nothing declares "sms".
    assertThat(relays.relay("webhook")).isPresent();
    assertThat(relays.relay("webhook_delivery")).isPresent();
    assertThat(relays.relay("sms")).isEmpty();
  }
}
