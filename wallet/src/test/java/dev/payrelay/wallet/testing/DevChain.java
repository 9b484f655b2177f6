package dev.payrelay.wallet.testing;

import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.devchain.Anvil;
import dev.payrelay.wallet.devchain.AnvilBinary;
import dev.payrelay.wallet.devchain.AnvilOptions;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The dev chain of a test JVM: one anvil (chain id 1337, two slots per epoch, automine), started on
 * first use of {@link #shared()} and stopped when the JVM exits. Tests share its state, so use
 * fresh addresses, or {@link #snapshot()} and {@link #revert(String)} around changes others must
 * not see. Funded accounts: {@link DevAccount#ACCOUNT_0}, {@link DevAccount#ACCOUNT_1}.
 */
public final class DevChain {

  private static final Object LOCK = new Object();
  private static DevChain shared;

  private final Anvil anvil;
  private final HttpService service;
  private final Web3j web3j;

  private DevChain(Anvil anvil) {
    this.anvil = anvil;
    this.service = new HttpService(anvil.rpcUrl().toString());
    this.web3j = Web3j.build(service);
  }

  /** The JVM's dev chain, started on the first call. Thread-safe. */
  public static DevChain shared() {
    synchronized (LOCK) {
      if (shared == null) {
        Path root = repoRoot();
        Path log =
            Path.of(System.getProperty("user.dir"), "target", "devchain")
                .resolve("anvil-" + ProcessHandle.current().pid() + ".log");
        shared = new DevChain(Anvil.start(AnvilOptions.of(AnvilBinary.locate(root), log)));
      }
      return shared;
    }
  }

  /**
   * The checkout's root: system property {@code payrelay.root} (set by the build), else the nearest
   * directory above {@code user.dir} that holds {@code tools/devchain/package.json}, else {@code
   * null}.
   */
  public static Path repoRoot() {
    String property = System.getProperty("payrelay.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tools/devchain/package.json"))) {
        return dir;
      }
    }
    return null;
  }

  public URI rpcUrl() {
    return anvil.rpcUrl();
  }

  public long chainId() {
    return anvil.chainId();
  }

  /** A web3j client of this chain; do not shut it down. */
  public Web3j web3j() {
    return web3j;
  }

  /**
   * Sends {@code wei} (and {@code data}) from {@code from} to {@code to} and answers the mined
   * transaction's hash, for tests outside wallet that pay on the dev chain without touching web3j.
   */
  public String pay(DevAccount from, Address to, BigInteger wei, String data) {
    return new Eip1559Sender(web3j, from.credentials(), ChainId.of(chainId()))
        .send(to, wei, data)
        .getTransactionHash();
  }

  /** Mines {@code blocks} empty blocks at once ({@code anvil_mine}). */
  /** How long {@link #awaitReceipt} waits for anvil to mine a sent transaction. */
  public static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The receipt of a sent transaction, polled until anvil has mined it: anvil answers {@code
   * eth_sendRawTransaction} before its automine has produced the block.
   */
  public TransactionReceipt awaitReceipt(String txHash) {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    try {
      while (true) {
        Optional<TransactionReceipt> receipt =
            web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
        if (receipt.isPresent()) {
          return receipt.get();
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "anvil mined no receipt for " + txHash + " within " + RECEIPT_TIMEOUT);
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      throw new IllegalStateException("anvil did not answer eth_getTransactionReceipt", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + txHash, e);
    }
  }

  public void mine(int blocks) {
    if (blocks < 1) {
      throw new IllegalArgumentException("blocks must be positive: " + blocks);
    }
    call("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))), Json.class);
  }

  /** Takes a snapshot of the chain ({@code evm_snapshot}); returns its id for {@link #revert}. */
  public String snapshot() {
    return call("evm_snapshot", List.of(), Json.class).getResult().toString();
  }

  /** Rolls the chain back to snapshot {@code id} ({@code evm_revert}); the id is then used up. */
  public void revert(String id) {
    if (!Boolean.TRUE.equals(call("evm_revert", List.of(id), Json.class).getResult())) {
      throw new IllegalStateException("anvil did not revert to snapshot " + id);
    }
  }

  private <T extends Response<?>> T call(String method, List<?> params, Class<T> type) {
    try {
      T response = new Request<>(method, params, service, type).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(method + " failed at " + rpcUrl(), e);
    }
  }

  /** A JSON-RPC response whose result is any JSON value. */
  static final class Json extends Response<Object> {}
}
