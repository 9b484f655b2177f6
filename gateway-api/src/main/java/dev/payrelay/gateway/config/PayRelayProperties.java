package dev.payrelay.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator configures under {@code payrelay.*} (or {@code PAYRELAY_*} environment
 * variables). Invalid values stop start-up with a message that names the property.
 *
 * @param node how this node presents itself
 * @param dataDir where the node keeps its state: the embedded database, and later its identity key
 * @param database which PostgreSQL to use; see {@link DatabaseProperties}
 * @param chains the Ethereum chains this node watches and verifies payments on
 * @param devChain a local anvil chain the node starts when no chain is configured
 * @param watch how the node follows its chains
 * @param invoices invoice housekeeping
 * @param defaultStore how the default store is paid
 */
@ConfigurationProperties("payrelay")
@Validated
public record PayRelayProperties(
    @Valid @DefaultValue NodeProperties node,
    @NotNull @DefaultValue("./data") Path dataDir,
    @Valid @DefaultValue DatabaseProperties database,
    @Size(max = MAX_CHAINS) List<@Valid ChainProperties> chains,
    @Valid @DefaultValue DevChainProperties devChain,
    @Valid @DefaultValue WatchProperties watch,
    @Valid @DefaultValue InvoicesProperties invoices,
    @Valid @DefaultValue DefaultStoreProperties defaultStore) {

  /** More chains than this is a configuration mistake, not a deployment. */
  public static final int MAX_CHAINS = 32;

  public PayRelayProperties {
    chains = chains == null ? List.of() : List.copyOf(chains);
  }

  /**
   * @param name a human name shown in the API and on checkout pages
   * @param publicBaseUrl the URL buyers and other nodes reach this node at
   */
  public record NodeProperties(
      @NotBlank @Size(max = 100) @DefaultValue("PayRelay node") String name,
      @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl) {}

  /**
   * The zero-configuration chain: when {@code chains} is empty and this is enabled, the node starts
   * anvil (from {@code tools/devchain}, the PATH, or {@code PAYRELAY_ANVIL}) with its state kept in
   * {@code <data-dir>/devchain}, so a developer can pay invoices with the well-known test accounts.
   *
   * @param enabled start the local dev chain when no chain is configured
   * @param port JSON-RPC port on 127.0.0.1 (8545, where wallets look for a local chain)
   * @param chainId the chain id it reports
   * @param blockTime one block per this interval, so confirmations accrue as on a real chain
   */
  public record DevChainProperties(
      @DefaultValue("true") boolean enabled,
      @Min(0) @Max(65_535) @DefaultValue("8545") int port,
      @Positive @DefaultValue("1337") long chainId,
      @NotNull @DefaultValue("2s") Duration blockTime) {}

  /**
   * @param enabled follow the chains for payments (turn off only for a node that verifies proofs)
   * @param pollInterval how often each chain's head is polled
   */
  public record WatchProperties(
      @DefaultValue("true") boolean enabled, @NotNull @DefaultValue("2s") Duration pollInterval) {}

  /**
   * @param expiryCheckInterval how often due invoices are expired
   * @param latePaymentWindow how long after its expiry an unpaid invoice is still watched, so a
   *     late payment is recorded as such
   */
  public record InvoicesProperties(
      @NotNull @DefaultValue("15s") Duration expiryCheckInterval,
      @NotNull @DefaultValue("7d") Duration latePaymentWindow) {}

  /**
   * How the default store is paid. Unset values leave what the database holds; on the dev chain
   * they default to anvil's well-known test accounts.
   *
   * @param receivingAddress where payments by reference arrive (one address for the store)
   * @param xpub the account-level extended public key ({@code m/44'/60'/a'}) deposit addresses are
   *     derived from; never a private key
   */
  public record DefaultStoreProperties(String receivingAddress, String xpub) {}

  /**
   * One Ethereum chain.
   *
   * @param name a short name used in URLs and logs, e.g. {@code mainnet}, {@code base}
   * @param chainId the EIP-155 chain id; the node refuses an RPC endpoint that reports another
   * @param rpcUrl the JSON-RPC endpoint
   * @param confirmations blocks on top of the payment's block, counting it, before it is confirmed
   * @param nativeSymbol the symbol of the chain's coin
   * @param tokens accepted ERC-20 tokens
   * @param paymentProxies trusted payment-proxy contracts (PayRelay's, or Request Network's
   *     ERC20FeeProxy / EthereumFeeProxy deployments)
   */
  public record ChainProperties(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String name,
      @Positive long chainId,
      @NotNull URI rpcUrl,
      @Min(1) @Max(MAX_CONFIRMATIONS) @DefaultValue("12") int confirmations,
      @NotBlank @Pattern(regexp = "[A-Za-z0-9.]{1,11}") @DefaultValue("ETH") String nativeSymbol,
      @Size(max = MAX_TOKENS) List<@Valid TokenProperties> tokens,
      @Size(max = MAX_PROXIES) List<@NotBlank String> paymentProxies) {

    /** About a day of Ethereum blocks; a policy beyond it is a typo. */
    public static final int MAX_CONFIRMATIONS = 7_200;

    public static final int MAX_TOKENS = 64;
    public static final int MAX_PROXIES = 16;

    public ChainProperties {
      tokens = tokens == null ? List.of() : List.copyOf(tokens);
      paymentProxies = paymentProxies == null ? List.of() : List.copyOf(paymentProxies);
    }
  }

  /**
   * An ERC-20 token a chain accepts.
   *
   * @param symbol as wallets show it, e.g. {@code USDC}
   * @param address its contract, hex with an optional EIP-55 checksum
   * @param decimals what its {@code decimals()} returns
   */
  public record TokenProperties(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9.]{1,11}") String symbol,
      @NotBlank String address,
      @Min(0) @Max(36) int decimals) {}
}
