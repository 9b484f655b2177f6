package dev.payrelay.gateway.chain;

import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.gateway.config.PayRelayProperties.DevChainProperties;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.devchain.Anvil;
import dev.payrelay.wallet.devchain.AnvilBinary;
import dev.payrelay.wallet.devchain.AnvilOptions;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the chains the node serves and, by default, starts the local dev chain. */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

  /** The dev chain's name in the API and in logs. */
  static final String DEV_CHAIN_NAME = "devchain";

  /** Confirmations asked of dev-chain payments: a few seconds at the default block time. */
  static final int DEV_CHAIN_CONFIRMATIONS = 2;

  @Bean(destroyMethod = "close")
  DevChainHandle devChain(PayRelayProperties properties) {
    DevChainProperties dev = properties.devChain();
    if (!properties.chains().isEmpty() || !dev.enabled()) {
      return new DevChainHandle(Optional.empty());
    }
    Path dir = properties.dataDir().resolve("devchain").toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
      Path binary = AnvilBinary.locate(checkoutRoot(Path.of("").toAbsolutePath()));
      AnvilOptions options =
          AnvilOptions.of(binary, dir.resolve("anvil.log"))
              .withPort(dev.port())
              .withChainId(dev.chainId())
              .withBlockTime(dev.blockTime())
              .withStateFile(dir.resolve("state.json"));
      return new DevChainHandle(Optional.of(Anvil.start(options)));
    } catch (Exception e) {
      log.warn(
          "No chain is configured and the local dev chain did not start, so the node runs without"
              + " a chain: {} (configure payrelay.chains, or set payrelay.dev-chain.enabled=false"
              + " to silence this)",
          e.getMessage());
      return new DevChainHandle(Optional.empty());
    }
  }

  /**
   * The PayRelay checkout the node runs from, if any: the nearest directory at or above {@code
   * start} with {@code tools/devchain/package.json}, where {@code bash tools/install} puts anvil.
   */
  static Path checkoutRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("tools/devchain/package.json"))) {
        return dir;
      }
    }
    return start;
  }

  @Bean
  Chains chains(PayRelayProperties properties, DevChainHandle devChain) {
    if (!properties.chains().isEmpty()) {
      return new Chains(ChainConfigs.from(properties.chains()));
    }
    Path dir = properties.dataDir().resolve("devchain").toAbsolutePath().normalize();
    return new Chains(devChain.anvil().map(anvil -> devChainConfig(anvil, dir)).stream().toList());
  }

  /** The dev chain with PayRelay's payment proxy deployed on it (once; remembered in its dir). */
  private static ChainConfig devChainConfig(Anvil anvil, Path dir) {
    ChainId id = ChainId.of(anvil.chainId());
    Address proxy =
        DevChainContracts.ensurePaymentProxy(anvil.rpcUrl(), id, dir.resolve("payment-proxy.txt"));
    return new ChainConfig(
        id,
        DEV_CHAIN_NAME,
        anvil.rpcUrl(),
        DEV_CHAIN_CONFIRMATIONS,
        Asset.ether(id),
        List.of(),
        List.of(proxy));
  }

  @Bean(destroyMethod = "close")
  ChainClients chainClients(Chains chains) {
    Map<ChainId, Web3jEthRpc> clients = new LinkedHashMap<>();
    for (ChainConfig chain : chains.all()) {
      clients.put(
          chain.id(), Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), chain.id())));
    }
    return new ChainClients(clients);
  }

  /** Owns the dev chain's process, if one was started, and stops it with the node. */
  record DevChainHandle(Optional<Anvil> anvil) implements AutoCloseable {
    @Override
    public void close() {
      anvil.ifPresent(Anvil::close);
    }
  }
}
