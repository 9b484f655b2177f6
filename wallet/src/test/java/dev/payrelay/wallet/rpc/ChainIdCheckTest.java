package dev.payrelay.wallet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.ChainId;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The start-up check of an endpoint's chain id, against anvil (chain 1337). */
class ChainIdCheckTest extends FaultyEndpointTestBase {

  @Test
  void aWrongChainIdIsRefusedWithAClearMessage() {
    Web3jEthRpc rpc =
        rpc(
            new RpcSettings(
                endpoint.urlWithSecrets(), ChainId.MAINNET, PER_CALL, 1, PER_CALL, PER_CALL, 0));

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
