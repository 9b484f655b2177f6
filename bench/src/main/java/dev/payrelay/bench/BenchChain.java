package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.contract.ContractArtifact;
import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.devchain.Anvil;
import dev.payrelay.wallet.devchain.AnvilBinary;
import dev.payrelay.wallet.devchain.AnvilOptions;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.TestTokens;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anvil of one benchmark run (automine, chain id 1337), with PayRelay's proxy and a 6-decimal
 * test token deployed, and a payer (anvil's unlocked account 0, so transactions need no local
 * signing) holding tokens that the proxy may move. Closing it stops anvil.
 */
final class BenchChain implements AutoCloseable {

  static final String TOKEN_ARTIFACT = "contracts/TestToken.json";

  /** Gas for every payment here, so that nothing waits for an estimate (a payment uses ≤ 70k). */
  private static final String PAYMENT_GAS = "0x30d40";

  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

  final Anvil anvil;
  final JsonRpcClient rpc;
  final ChainId id;
  final Address payer;
  final Address proxy;
  final Asset.Erc20 token;

  private BenchChain(Anvil anvil) {
    this.anvil = anvil;
    this.rpc = new JsonRpcClient(anvil.rpcUrl());
    this.id = ChainId.of(anvil.chainId());
    this.payer = Address.parse(rpc.call("eth_accounts").get(0).asText());
    this.proxy = deploy(Hex.encode(FeeProxyContract.artifact().bytecode()));
    Address tokenContract =
        deploy(
            Hex.encode(ContractArtifact.load(TOKEN_ARTIFACT).bytecode())
                + Abi.tokenConstructor("Bench USD", "BUSD", 6));
    this.token = new Asset.Erc20(id, tokenContract, "BUSD", 6);
    awaitReceipt(
        send(tokenContract, BigInteger.ZERO, TestTokens.mint(payer, BigInteger.TEN.pow(30))));
    awaitReceipt(
        send(
            tokenContract,
            BigInteger.ZERO,
            TestTokens.approve(proxy, BigInteger.TWO.pow(256).subtract(BigInteger.ONE))));
  }

  /** Starts anvil from the checkout at {@code repoRoot} and deploys the contracts. */
  static BenchChain start(Path repoRoot, Path logFile) throws Exception {
    Files.createDirectories(logFile.getParent());
    Anvil anvil = Anvil.start(AnvilOptions.of(AnvilBinary.locate(repoRoot), logFile));
    try {
      return new BenchChain(anvil);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** What the wallet knows of this chain. */
  ChainConfig config(int confirmations) {
    return new ChainConfig(
        id,
        "bench",
        anvil.rpcUrl(),
        confirmations,
        Asset.ether(id),
        List.of(token),
        List.of(proxy));
  }

  /** The wallet's own endpoint client, with the default timeouts and retries. */
  Web3jEthRpc walletRpc() {
    return Web3jEthRpc.create(RpcSettings.of(anvil.rpcUrl(), id));
  }

  /** Sends a transaction from the payer; returns its hash without waiting for it to be mined. */
  String send(Address to, BigInteger value, String data) {
    Map<String, String> tx = new LinkedHashMap<>();
    tx.put("from", payer.toLowerHex());
    tx.put("to", to.toLowerHex());
    tx.put("value", "0x" + value.toString(16));
    tx.put("data", data);
    tx.put("gas", PAYMENT_GAS);
    return rpc.call("eth_sendTransaction", tx).asText();
  }

  /** The mined receipt of {@code txHash}; fails if the transaction reverted. */
  JsonNode awaitReceipt(String txHash) {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (true) {
      JsonNode receipt = rpc.call("eth_getTransactionReceipt", txHash);
      if (receipt != null && !receipt.isNull()) {
        if (!"0x1".equals(receipt.path("status").asText())) {
          throw new IllegalStateException("transaction " + txHash + " reverted");
        }
        return receipt;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("anvil mined no receipt for " + txHash);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a receipt", e);
    }
  }

  /** {@code evm_setAutomine}: whether each transaction is mined at once in its own block. */
  void automine(boolean on) {
    rpc.call("evm_setAutomine", on);
  }

  /** {@code evm_mine}: one block with what the mempool holds. */
  void mineBlock() {
    rpc.call("evm_mine");
  }

  long head() {
    return Long.decode(rpc.call("eth_blockNumber").asText());
  }

  String blockHash(long number) {
    return rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false)
        .get("hash")
        .asText();
  }

  int transactionsIn(long number) {
    return rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(number), false)
        .get("transactions")
        .size();
  }

  String version() {
    return rpc.call("web3_clientVersion").asText();
  }

  private Address deploy(String initCode) {
    Map<String, String> tx = Map.of("from", payer.toLowerHex(), "data", initCode);
    JsonNode receipt = awaitReceipt(rpc.call("eth_sendTransaction", tx).asText());
    return Address.parse(receipt.get("contractAddress").asText());
  }

  @Override
  public void close() {
    anvil.close();
  }
}
