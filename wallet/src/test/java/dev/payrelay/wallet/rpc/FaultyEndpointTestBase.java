package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.testing.DevChain;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link FaultyEndpoint} in front of the shared anvil for each test, and endpoints with small
 * timeouts and backoffs so that every test stays fast.
 */
abstract class FaultyEndpointTestBase {

  static final Duration PER_CALL = Duration.ofMillis(400);
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
  static final Duration MAX_BACKOFF = Duration.ofMillis(400);
  static final int ATTEMPTS = 4;

  /** Whatever the machine's load, no test here should come close to this. */
  static final Duration BOUND = Duration.ofSeconds(8);

  final DevChain chain = DevChain.shared();
  private final List<Web3jEthRpc> opened = new ArrayList<>();
  FaultyEndpoint endpoint;

  @BeforeEach
  void startEndpoint() throws Exception {
    endpoint = FaultyEndpoint.forwardingTo(chain.rpcUrl());
  }

  @AfterEach
  void stopEndpoint() {
    opened.forEach(Web3jEthRpc::close);
    endpoint.close();
  }

  Web3jEthRpc rpc(URI url) {
    return rpc(
        new RpcSettings(
            url,
            ChainId.of(chain.chainId()),
            PER_CALL,
            ATTEMPTS,
            INITIAL_BACKOFF,
            MAX_BACKOFF,
            RpcSettings.DEFAULT_JITTER));
  }

  /** An endpoint whose random source sits at the middle of [0, 1): no jitter, exact pauses. */
  Web3jEthRpc rpc(RpcSettings settings) {
    Web3jEthRpc rpc =
        new Web3jEthRpc(settings, Clock.systemUTC(), Schedulers.parallel(), () -> 0.5);
    opened.add(rpc);
    return rpc;
  }
}
