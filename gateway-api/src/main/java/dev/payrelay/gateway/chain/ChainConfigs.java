package dev.payrelay.gateway.chain;

import dev.payrelay.gateway.config.PayRelayProperties.ChainProperties;
import dev.payrelay.gateway.config.PayRelayProperties.TokenProperties;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code payrelay.chains[*]} into the wallet's {@link ChainConfig}s, naming bad properties.
 */
final class ChainConfigs {

  private ChainConfigs() {}

  static List<ChainConfig> from(List<ChainProperties> properties) {
    List<ChainConfig> configs = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < properties.size(); i++) {
      ChainProperties p = properties.get(i);
      String prefix = "payrelay.chains[" + i + "]";
      if (!ids.add(p.chainId())) {
        throw invalid(
            prefix + ".chain-id", "chain id " + p.chainId() + " is configured twice", null);
      }
      if (!names.add(p.name())) {
        throw invalid(prefix + ".name", "the name " + p.name() + " is used twice", null);
      }
      configs.add(from(p, prefix));
    }
    return configs;
  }

  private static ChainConfig from(ChainProperties p, String prefix) {
    ChainId id = ChainId.of(p.chainId());
    List<Asset.Erc20> tokens = new ArrayList<>();
    for (int t = 0; t < p.tokens().size(); t++) {
      TokenProperties token = p.tokens().get(t);
      String property = prefix + ".tokens[" + t + "]";
      try {
        tokens.add(
            new Asset.Erc20(id, Address.parse(token.address()), token.symbol(), token.decimals()));
      } catch (InvalidValueException e) {
        throw invalid(property, e.getMessage(), e);
      }
    }
    List<Address> proxies = new ArrayList<>();
    for (int x = 0; x < p.paymentProxies().size(); x++) {
      try {
        proxies.add(Address.parse(p.paymentProxies().get(x)));
      } catch (InvalidValueException e) {
        throw invalid(prefix + ".payment-proxies[" + x + "]", e.getMessage(), e);
      }
    }
    try {
      return new ChainConfig(
          id,
          p.name(),
          p.rpcUrl(),
          p.confirmations(),
          new Asset.Native(id, p.nativeSymbol(), 18),
          tokens,
          proxies);
    } catch (InvalidValueException e) {
      throw invalid(prefix, e.getMessage(), e);
    }
  }

  private static InvalidChainConfigurationException invalid(
      String property, String why, Throwable cause) {
    return new InvalidChainConfigurationException(property + ": " + why, cause);
  }
}
