package dev.payrelay.gateway.checkout;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The checkout pages ({@code /pay/<token>}) under {@code payrelay.checkout.*}.
 *
 * @param explorers a block explorer's base URL per chain id (e.g. {@code
 *     payrelay.checkout.explorers.1=https://etherscan.io}); a receipt links each transaction to
 *     {@code <base>/tx/<hash>}. Without one, hashes are shown without links.
 * @param proofAttempts how many "I have paid" submissions one client (by IP address) may make per
 *     {@code proofWindow}: each can cost the node JSON-RPC calls
 * @param proofWindow the window of {@code proofAttempts}
 * @param statusPollInterval how often a live status stream (Server-Sent Events) re-reads its
 *     invoice
 * @param eventsMaxDuration how long one status stream stays open; the browser then reconnects
 */
@ConfigurationProperties("payrelay.checkout")
@Validated
public record CheckoutProperties(
    Map<Long, URI> explorers,
    @Min(1) @Max(MAX_PROOF_ATTEMPTS) @DefaultValue("5") int proofAttempts,
    @NotNull @DefaultValue("1m") Duration proofWindow,
    @NotNull @DefaultValue("2s") Duration statusPollInterval,
    @NotNull @DefaultValue("30m") Duration eventsMaxDuration) {

  /** More submissions than this per window is no limit at all. */
  public static final int MAX_PROOF_ATTEMPTS = 1000;

  public CheckoutProperties {
    explorers = explorers == null ? Map.of() : Map.copyOf(explorers);
    for (Map.Entry<Long, URI> e : explorers.entrySet()) {
      URI url = e.getValue();
      String scheme = url.getScheme();
      if (!url.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
        throw new IllegalArgumentException(
            "payrelay.checkout.explorers." + e.getKey() + " must be an http(s) URL, got " + url);
      }
    }
    requirePositive(proofWindow, "proof-window");
    requirePositive(statusPollInterval, "status-poll-interval");
    requirePositive(eventsMaxDuration, "events-max-duration");
  }

  /** The explorer page of {@code txHash} on {@code chainId}, if an explorer is configured. */
  public Optional<String> transactionLink(long chainId, String txHash) {
    URI base = explorers.get(chainId);
    if (base == null) {
      return Optional.empty();
    }
    String text = base.toString();
    return Optional.of((text.endsWith("/") ? text : text + "/") + "tx/" + txHash);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("payrelay.checkout." + name + " must be positive");
    }
  }
}
