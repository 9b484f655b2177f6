package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.outbox.EmailOutbox;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one email to an invoice's buyer stands, as its outbox row says.
 *
 * @param attempts delivery attempts so far (failed ones, and the one that succeeded)
 * @param lastError why the last attempt failed; empty once sent
 * @param sentAt when the SMTP server accepted it
 */
public record EmailStatus(
    EmailOutbox.Kind kind,
    String to,
    State state,
    int attempts,
    Optional<String> lastError,
    Optional<Instant> sentAt,
    Instant queuedAt) {

  /** {@code queued} until sent, {@code failed} once given up on (no more attempts). */
  public enum State {
    QUEUED("queued"),
    SENT("sent"),
    FAILED("failed");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
