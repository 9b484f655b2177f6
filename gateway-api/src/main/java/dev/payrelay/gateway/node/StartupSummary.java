package dev.payrelay.gateway.node;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One log line, when the node is ready, with what an operator checks first. */
@Component
class StartupSummary {

  private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

  private final PayRelayProperties properties;
  private final Chains chains;
  private final Environment environment;
  private final NodeIdentity identity;

  StartupSummary(
      PayRelayProperties properties,
      Chains chains,
      Environment environment,
      NodeIdentity identity) {
    this.identity = identity;
    this.properties = properties;
    this.chains = chains;
    this.environment = environment;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : -1;
    String chainList =
        chains.all().isEmpty()
            ? "none"
            : chains.all().stream()
                .map(c -> c.name() + " (chain id " + c.id() + ")")
                .collect(Collectors.joining(", "));
    log.info(
        "PayRelay node '{}' ready: http://localhost:{} | peer id {} | database {} | data dir {}"
            + " | chains: {}",
        properties.node().name(),
        port,
        identity.peerId().toBase58(),
        environment.getProperty("payrelay.database.display", "(configured by spring.r2dbc.url)"),
        properties.dataDir().toAbsolutePath().normalize(),
        chainList);
  }
}
