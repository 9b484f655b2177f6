package dev.payrelay.wallet.chain;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the wallet needs to know about one chain: where its JSON-RPC endpoint is, how many
 * confirmations make a payment count, which assets it accepts, and which payment-proxy contracts it
 * trusts (PayRelay's own deployment and, for example, Request Network's already-deployed ones).
 *
 * @param name short name for logs and URLs, e.g. {@code mainnet}
 * @param confirmations blocks on top of the payment's block (counting it) before it is confirmed
 * @param nativeAsset the chain's coin (ETH on Ethereum and most L2s)
 * @param tokens accepted ERC-20 tokens; symbols are unique per chain
 * @param paymentProxies trusted proxy contracts emitting {@code TransferWithReferenceAndFee}
 */
public record ChainConfig(
    ChainId id,
    String name,
    URI rpcUrl,
    int confirmations,
    Asset.Native nativeAsset,
    List<Asset.Erc20> tokens,
    List<Address> paymentProxies) {

  /** About a day of Ethereum blocks; a policy beyond it is a typo. */
  public static final int MAX_CONFIRMATIONS = 7_200;

  public ChainConfig {
    if (id == null || name == null || rpcUrl == null || nativeAsset == null) {
      throw new InvalidValueException("a chain needs an id, a name, an RPC URL and a native asset");
    }
    if (confirmations < 1 || confirmations > MAX_CONFIRMATIONS) {
      throw new InvalidValueException(
          "confirmations for chain "
              + name
              + " must be between 1 and "
              + MAX_CONFIRMATIONS
              + ", got "
              + confirmations);
    }
    tokens = List.copyOf(tokens == null ? List.of() : tokens);
    paymentProxies = List.copyOf(paymentProxies == null ? List.of() : paymentProxies);
    Set<String> symbols = new HashSet<>();
    symbols.add(nativeAsset.symbol().toUpperCase(Locale.ROOT));
    for (Asset.Erc20 token : tokens) {
      if (!token.chain().equals(id) || !nativeAsset.chain().equals(id)) {
        throw new InvalidValueException("asset " + token.symbol() + " belongs to another chain");
      }
      if (!symbols.add(token.symbol().toUpperCase(Locale.ROOT))) {
        throw new InvalidValueException(
            "chain " + name + " lists the symbol " + token.symbol() + " twice");
      }
    }
  }

  /** The asset with this symbol (case-insensitive) on this chain, native or token. */
  public Optional<Asset> asset(String symbol) {
    if (nativeAsset.symbol().equalsIgnoreCase(symbol)) {
      return Optional.of(nativeAsset);
    }
    return tokens.stream()
        .filter(t -> t.symbol().equalsIgnoreCase(symbol))
        .map(Asset.class::cast)
        .findFirst();
  }

  /** The token whose contract this is, if the chain accepts it. */
  public Optional<Asset.Erc20> token(Address contract) {
    return tokens.stream().filter(t -> t.contract().equals(contract)).findFirst();
  }
}
