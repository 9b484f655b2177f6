package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.verify.ProofVerifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One JSON-RPC client per served chain; closed with the node. */
public final class ChainClients implements AutoCloseable {

  private final Map<ChainId, Web3jEthRpc> clients;

  ChainClients(Map<ChainId, Web3jEthRpc> clients) {
    this.clients = Map.copyOf(clients);
  }

  public Optional<EthRpc> forChain(ChainId chain) {
    return Optional.ofNullable(clients.get(chain));
  }

  public Collection<? extends EthRpc> all() {
    return clients.values();
  }

  /**
   * The wallet's proof verifier of every chain in {@code chains} that has a client here, with that
   * chain's confirmation policy and trusted proxies: what the checkout's "I have paid" form and the
   * settlement network both verify with.
   */
  public List<ProofVerifier> proofVerifiers(Chains chains) {
    List<ProofVerifier> verifiers = new ArrayList<>();
    for (ChainConfig chain : chains.all()) {
      forChain(chain.id()).ifPresent(rpc -> verifiers.add(ProofVerifier.forChain(chain, rpc)));
    }
    return List.copyOf(verifiers);
  }

  @Override
  public void close() {
    clients.values().forEach(Web3jEthRpc::close);
  }
}
