package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.rpc.EthRpc;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code chains} in {@code /actuator/health}: UP when every chain's endpoint answers {@code
 * eth_blockNumber} within {@link #PROBE_TIMEOUT}, with each chain's head and failure count.
 */
@Component
class ChainsHealthIndicator implements ReactiveHealthIndicator {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  private final ChainClients clients;

  ChainsHealthIndicator(ChainClients clients) {
    this.clients = clients;
  }

  @Override
  public Mono<Health> health() {
    return Flux.fromIterable(clients.all())
        .flatMap(this::probe)
        .collectList()
        .map(
            results -> {
              Map<String, Object> details = new LinkedHashMap<>();
              boolean up = true;
              for (Probe p : results) {
                details.put(p.chain(), p.details());
                up &= p.up();
              }
              return (up ? Health.up() : Health.down()).withDetails(details).build();
            });
  }

  private Mono<Probe> probe(EthRpc rpc) {
    String chain = rpc.chainId().toString();
    return rpc.latestBlockNumber()
        .timeout(PROBE_TIMEOUT)
        .map(
            head ->
                new Probe(
                    chain, true, Map.of("status", "UP", "endpoint", rpc.endpoint(), "head", head)))
        .onErrorResume(
            e ->
                Mono.just(
                    new Probe(
                        chain,
                        false,
                        Map.of(
                            "status",
                            "DOWN",
                            "endpoint",
                            rpc.endpoint(),
                            "consecutiveFailures",
                            rpc.stats().consecutiveFailures(),
                            "error",
                            String.valueOf(e.getMessage())))));
  }

  private record Probe(String chain, boolean up, Map<String, Object> details) {}
}
