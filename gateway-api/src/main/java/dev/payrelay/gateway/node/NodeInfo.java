package dev.payrelay.gateway.node;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/node} tells about this node (schema {@code Node} in openapi/openapi.yaml).
 *
 * @param initializedAt when this node's database was first used; survives restarts
 * @param startedAt when this process started
 */
record NodeInfo(
    String name,
    String version,
    URI publicBaseUrl,
    Instant initializedAt,
    Instant startedAt,
    List<Chain> chains) {

  /** A configured chain, without its RPC URL (which may carry a provider's API key). */
  record Chain(String name, long chainId, int confirmations) {}
}
