package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.outbox.OutboxRelays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node without {@code payrelay.mail.host}: it starts, creates invoices with {@code send: true}
 * (their emails queued), runs no email relay, so its emails wait in the outbox, and its health says
 * mail is not configured without failing.
 */
class NoMailServerTest extends InvoiceNode {

  @Autowired OutboxRelays relays;

  @Test
  void emailsWaitQueuedAndTheHealthSaysMailIsNotConfigured() {
    Map<String, Object> body = Bodies.coffee();
    body.put("buyer", Map.of("email", "eve@example.com"));
    body.put("send", true);

    Map<String, Object> invoice = create(body);

    List<Map<String, Object>> emails = Bodies.list(invoice, "emails");
    assertThat(emails)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("status", "queued")
                    .containsEntry("attempts", 0)
                    .containsEntry("lastError", null)
                    .containsEntry("sentAt", null));
    assertThat(relays.relay("email")).isEmpty();
    Map<String, Object> health = json(http.get().uri("/actuator/health").exchange());
    assertThat(health.get("status")).isEqualTo("UP");
    Map<String, Object> mail = Bodies.at(health, "components.mail");
    assertThat(mail.get("status")).isEqualTo("UNKNOWN");
    assertThat(Bodies.<Boolean>at(mail, "details.configured")).isFalse();
    // Other nodes of the test JVM share this database (one with an SMTP server), so how many
    // emails wait in it is not this node's to say; that it counts them is.
    assertThat(Bodies.<Integer>at(mail, "details.queued")).isNotNegative();
  }
}
