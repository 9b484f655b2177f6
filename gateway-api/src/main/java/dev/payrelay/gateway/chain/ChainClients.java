package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import java.util.Collection;
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

  @Override
  public void close() {
    clients.values().forEach(Web3jEthRpc::close);
  }
}
