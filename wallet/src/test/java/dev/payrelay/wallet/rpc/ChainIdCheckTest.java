package dev.payrelay.wallet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.ChainId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The start-up check of an endpoint's chain id, against anvil (chain 1337). */
class ChainIdCheckTest extends FaultyEndpointTestBase {

  /** Anvil answers at once; the margin is for a loaded CI machine, not for a fault. */
  static final Duration ANSWER = Duration.ofSeconds(5);

  @Test
  void aWrongChainIdIsRefusedWithAClearMessage() {
    Web3jEthRpc rpc =
        rpc(
            new RpcSettings(
                endpoint.urlWithSecrets(), ChainId.MAINNET, ANSWER, 1, PER_CALL, PER_CALL, 0));

    StepVerifier.create(ChainIdCheck.verifyChainId(rpc))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(ChainIdMismatchException.class)
                    .hasMessageStartingWith(
                        "RPC endpoint http://127.0.0.1:"
                            + endpoint.url().getPort()
                            + " reports chain id 1337, but it is configured as chain 1"))
        .verify(BOUND);
  }

  @Test
  void theRightChainIdPasses() {
    StepVerifier.create(ChainIdCheck.verifyChainId(rpc(endpoint.url())))
        .expectComplete()
        .verify(BOUND);
  }
}
