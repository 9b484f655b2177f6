package dev.payrelay.gateway.settlement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settlement network under {@code payrelay.network.*}.
 *
 * @param enabled whether the node joins a settlement network at all
 * @param id the network's id: topics {@code /payrelay/<id>/proofs/1} and {@code
 *     /payrelay/<id>/receipts/1}; nodes of one network must agree on it
 * @param listen multiaddrs to listen on; the default takes a free loopback port, an operator who
 *     wants peers to dial in sets e.g. {@code /ip4/0.0.0.0/tcp/4001}
 * @param bootstrap multiaddrs of peers to dial at start and to redial while disconnected, each
 *     ending in {@code /p2p/<peer id>}
 * @param allowlist empty: open membership; otherwise the only peer ids this node keeps connections
 *     with
 * @param maxConnections open connections beyond which new ones are refused
 * @param retryHeldEvery how often proofs and receipts held for confirmations are checked again
 * @param quorum 0 (the default): a receipt counts only once this node verified it on chain; k: a
 *     node without a JSON-RPC endpoint for the receipt's chain counts it once k allowlisted peers
 *     attested it
 * @param proofsPerMinute how many proofs one client (by IP address) may submit per minute to {@code
 *     POST /v1/proofs}
 */
@ConfigurationProperties("payrelay.network")
@Validated
public record NetworkProperties(
    @DefaultValue("true") boolean enabled,
    @NotNull @DefaultValue("local") String id,
    @NotNull @DefaultValue("/ip4/127.0.0.1/tcp/0") List<String> listen,
    List<String> bootstrap,
    List<String> allowlist,
    @Min(1) @Max(MAX_CONNECTIONS) @DefaultValue("64") int maxConnections,
    @NotNull @DefaultValue("5s") Duration retryHeldEvery,
    @Min(0) @DefaultValue("0") int quorum,
    @Min(1) @Max(MAX_PROOFS_PER_MINUTE) @DefaultValue("30") int proofsPerMinute) {

  /** More connections than this is beyond what one node's event loops serve well. */
  public static final int MAX_CONNECTIONS = 1_024;

  /** More proofs per client and minute than this is no limit at all. */
  public static final int MAX_PROOFS_PER_MINUTE = 10_000;

  public NetworkProperties {
    listen = List.copyOf(listen);
    bootstrap = bootstrap == null ? List.of() : List.copyOf(bootstrap);
    allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
    if (retryHeldEvery.isNegative() || retryHeldEvery.isZero()) {
      throw new IllegalArgumentException("payrelay.network.retry-held-every must be positive");
    }
    if (quorum > allowlist.size()) {
      throw new IllegalArgumentException(
          "payrelay.network.quorum ("
              + quorum
              + ") needs at least as many peers in payrelay.network.allowlist ("
              + allowlist.size()
              + ")");
    }
  }
}
