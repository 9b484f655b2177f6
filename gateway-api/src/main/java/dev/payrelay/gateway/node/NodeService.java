package dev.payrelay.gateway.node;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The node's own facts; records its first start in the database when the application starts. */
@Service
class NodeService implements ApplicationRunner {

  /** How long start-up waits for the database to record the node's first start. */
  private static final Duration STARTUP_WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final PayRelayProperties properties;
  private final Chains chains;
  private final NodeSettingsRepository settings;
  private final NodeIdentity identity;
  private final String version;
  private final Instant startedAt;
  private volatile Instant initializedAt;

  NodeService(
      PayRelayProperties properties,
      Chains chains,
      NodeSettingsRepository settings,
      NodeIdentity identity,
      ObjectProvider<BuildProperties> build,
      Clock clock) {
    this.properties = properties;
    this.identity = identity;
    this.chains = chains;
    this.settings = settings;
    BuildProperties info = build.getIfAvailable();
    this.version = info == null ? "development" : info.getVersion();
    this.startedAt = clock.instant();
  }

  /** Runs on the main thread during start-up, never on an event loop, so it may wait. */
  @Override
  public void run(ApplicationArguments args) {
    initializedAt = settings.initializedAt(startedAt).block(STARTUP_WRITE_TIMEOUT);
  }

  Mono<NodeInfo> info() {
    Mono<Instant> initialized =
        initializedAt != null ? Mono.just(initializedAt) : settings.initializedAt(startedAt);
    return initialized.map(
        at ->
            new NodeInfo(
                properties.node().name(),
                version,
                properties.node().publicBaseUrl(),
                at,
                startedAt,
                identity.peerId().toBase58(),
                chains.all().stream().map(NodeInfo.Chain::of).toList()));
  }
}
