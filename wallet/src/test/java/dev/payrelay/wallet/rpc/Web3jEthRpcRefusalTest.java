package dev.payrelay.wallet.rpc;

import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.INVALID_PARAMS;
import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.TOO_MANY_REQUESTS;
import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** What Web3jEthRpc does not retry, and what it sends, behind a scripted endpoint. */
class Web3jEthRpcRefusalTest extends FaultyEndpointTestBase {

  @Test
  void sendsTheUrlsCredentialsAsBasicAuthentication() {
    Web3jEthRpc rpc = rpc(endpoint.urlWithSecrets());

    StepVerifier.create(rpc.remoteChainId()).expectNext(1337L).expectComplete().verify(BOUND);

    assertThat(endpoint.authorizations()).containsExactly("Basic YWxpY2U6czNjcmV0LXBhc3M=");
  }

  @Test
  void aJsonRpcErrorIsNotRetried() {
    endpoint.failNext(1, INVALID_PARAMS);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.latestBlockNumber())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcProtocolException.class)
                    .hasMessageContaining("eth_blockNumber answered JSON-RPC error -32602"))
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(1);
    assertThat(rpc.stats().consecutiveFailures()).isZero();
  }

  @Test
  void anHttp401IsNotRetriedAndNamesTheLikelyCause() {
    endpoint.failAlways(UNAUTHORIZED);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.latestBlockNumber())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("invalid API key")
                    .hasMessageContaining("check the endpoint's URL and API key"))
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(1);
  }

  @Test
  void aRetryAfterLongerThanACallMayWaitFailsAtOnce() {
    endpoint.failAlways(TOO_MANY_REQUESTS).retryAfter("3600");
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.latestBlockNumber())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("asks to wait 3600 s"))
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(1);
  }
}
