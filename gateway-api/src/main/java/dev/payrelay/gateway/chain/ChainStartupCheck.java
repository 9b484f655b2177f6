package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.rpc.ChainIdCheck;
import dev.payrelay.wallet.rpc.ChainIdMismatchException;
import dev.payrelay.wallet.rpc.EthRpc;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, asks every chain's endpoint for {@code eth_chainId}. A mismatch stops the node (it
 * would look for payments on the wrong chain); an endpoint that does not answer is reported in the
 * log and in health, and the node starts anyway: chain access recovers when the endpoint does.
 */
@Component
class ChainStartupCheck implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ChainStartupCheck.class);

  /** How long start-up waits for one endpoint before going on without it. */
  static final Duration STARTUP_CHECK_TIMEOUT = Duration.ofSeconds(15);

  private final ChainClients clients;

  ChainStartupCheck(ChainClients clients) {
    this.clients = clients;
  }

  /** Runs on the main thread during start-up, never on an event loop, so it may wait. */
  @Override
  public void run(ApplicationArguments args) {
    for (EthRpc rpc : clients.all()) {
      try {
        ChainIdCheck.verifyChainId(rpc).block(STARTUP_CHECK_TIMEOUT);
        log.info("Chain {} answers at {}", rpc.chainId(), rpc.endpoint());
      } catch (ChainIdMismatchException e) {
        throw e;
      } catch (RuntimeException e) {
        log.warn(
            "Chain {} does not answer at {} ({}); payments on it are verified once it does",
            rpc.chainId(),
            rpc.endpoint(),
            e.getMessage());
      }
    }
  }
}
