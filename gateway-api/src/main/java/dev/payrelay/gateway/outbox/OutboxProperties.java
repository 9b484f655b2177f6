package dev.payrelay.gateway.outbox;

import dev.payrelay.invoicing.outbox.RelayPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relays deliver webhooks, emails and gossip ({@code payrelay.outbox.*}); see {@link
 * RelayPolicy} for what each value does.
 */
@Validated
@ConfigurationProperties("payrelay.outbox")
public record OutboxProperties(
    @Min(1) @Max(RelayPolicy.MAX_BATCH_SIZE) @DefaultValue("100") int batchSize,
    @Min(1) @Max(RelayPolicy.MAX_CONCURRENCY) @DefaultValue("16") int concurrency,
    @NotNull @DefaultValue("60s") Duration lease,
    @NotNull @DefaultValue("5s") Duration firstRetryDelay,
    @NotNull @DefaultValue("1h") Duration maxRetryDelay,
    @DefaultValue("0.2") double jitter,
    @NotNull @DefaultValue("3d") Duration horizon,
    @NotNull @DefaultValue("500ms") Duration pollInterval) {

  /** The policy these settings describe; throws with the offending setting named. */
  public RelayPolicy policy() {
    return new RelayPolicy(
        batchSize,
        concurrency,
        lease,
        firstRetryDelay,
        maxRetryDelay,
        jitter,
        horizon,
        pollInterval);
  }
}
