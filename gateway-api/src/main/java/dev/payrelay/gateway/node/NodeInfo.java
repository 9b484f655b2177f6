package dev.payrelay.gateway.node;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /v1/node} tells about this node (schema {@code Node} in openapi/openapi.yaml).
 *
 * @param initializedAt when this node's database was first used; survives restarts
 * @param startedAt when this process started
 * @param peerId the node's libp2p peer id ({@code 12D3KooW…}), from the key in its data directory
 */
record NodeInfo(
    String name,
    String version,
    URI publicBaseUrl,
    Instant initializedAt,
    Instant startedAt,
    String peerId,
    List<Chain> chains) {

  /** A served chain, without its RPC URL (which may carry a provider's API key). */
  record Chain(
      String name,
      long chainId,
      int confirmations,
      String nativeSymbol,
      List<Token> tokens,
      List<String> paymentProxies) {

    static Chain of(ChainConfig c) {
      return new Chain(
          c.name(),
          c.id().value(),
          c.confirmations(),
          c.nativeAsset().symbol(),
          c.tokens().stream()
              .map(t -> new Token(t.symbol(), t.contract().toChecksumString(), t.decimals()))
              .toList(),
          c.paymentProxies().stream().map(Address::toChecksumString).toList());
    }
  }

  /** An accepted ERC-20 token. */
  record Token(String symbol, String address, int decimals) {}
}
