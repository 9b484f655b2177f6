package dev.payrelay.wallet.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Anvil's own methods the watcher tests need: reorgs, and mining on demand. */
final class AnvilControl {

  private final HttpService service;

  AnvilControl(URI rpcUrl) {
    this.service = new HttpService(rpcUrl.toString());
  }

  /**
   * {@code anvil_reorg}: replaces the last {@code depth} blocks by as many new ones, putting each
   * raw transaction into the new block at its offset (0 = the first replaced height).
   */
  void reorg(int depth, List<String> rawTransactions, int offset) {
    List<List<Object>> txs = new ArrayList<>();
    rawTransactions.forEach(raw -> txs.add(List.of(raw, offset)));
    call("anvil_reorg", List.of(depth, txs));
  }

  /** {@code evm_setAutomine}: whether each transaction is mined at once in its own block. */
  void automine(boolean on) {
    call("evm_setAutomine", List.of(on));
  }

  /** {@code anvil_mine}: mines {@code blocks} blocks with what the mempool holds. */
  void mine(int blocks) {
    call("anvil_mine", List.of(Numeric.encodeQuantity(BigInteger.valueOf(blocks))));
  }

  private void call(String method, List<?> params) {
    try {
      Json response = new Request<>(method, params, service, Json.class).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON-RPC response whose result is any JSON value. */
  static final class Json extends Response<Object> {}
}
