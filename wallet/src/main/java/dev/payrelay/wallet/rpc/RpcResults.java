package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.TxHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Reads JSON-RPC results strictly: a quantity that is not one, a block without its hash, a receipt
 * of another transaction are {@link RpcProtocolException}s, never guessed at.
 */
final class RpcResults {

  /** A JSON-RPC quantity that fits a non-negative {@code long}: {@code 0x0}, {@code 0x1a}. */
  private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-fA-F][0-9a-fA-F]{0,15})");

  private RpcResults() {}

  static long quantity(String what, String hex) {
    if (hex == null || !QUANTITY.matcher(hex).matches()) {
      throw new RpcProtocolException(what + ": not a JSON-RPC quantity: " + hex);
    }
    long value = Long.parseUnsignedLong(hex.substring(2), 16);
    if (value < 0) {
      throw new RpcProtocolException(what + ": out of range: " + hex);
    }
    return value;
  }

  /** The number of a block asked for by tag; empty if the node has no such block or tag. */
  static Optional<Long> taggedNumber(EthBlock answer) {
    if (answer.hasError() || answer.getBlock() == null) {
      return Optional.empty();
    }
    return Optional.of(quantity("a tagged block's number", answer.getBlock().getNumberRaw()));
  }

  static Optional<EthBlock.Block> block(long number, EthBlock answer) {
    EthBlock.Block block = answer.getBlock();
    if (block == null) {
      return Optional.empty();
    }
    if (block.getHash() == null || quantity("block number", block.getNumberRaw()) != number) {
      throw new RpcProtocolException(
          "asked for block " + number + ", got one without a hash or with another number");
    }
    return Optional.of(block);
  }

  static Optional<TransactionReceipt> receipt(TxHash tx, EthGetTransactionReceipt answer) {
    Optional<TransactionReceipt> receipt = answer.getTransactionReceipt();
    receipt.ifPresent(
        r -> {
          if (!tx.toString().equalsIgnoreCase(r.getTransactionHash())) {
            throw new RpcProtocolException(
                "asked for the receipt of " + tx + ", got " + r.getTransactionHash());
          }
          if (r.getBlockHash() == null) {
            throw new RpcProtocolException("the receipt of " + tx + " has no block hash");
          }
          quantity("the block number of the receipt of " + tx, r.getBlockNumberRaw());
        });
    return receipt;
  }

  static List<Log> logs(EthLog answer) {
    List<?> results = answer.getLogs(); // web3j declares a raw LogResult
    if (results == null) {
      throw new RpcProtocolException("eth_getLogs answered null instead of a list");
    }
    List<Log> logs = new ArrayList<>(results.size());
    for (Object result : results) {
      if (!(result instanceof EthLog.LogObject log)) {
        throw new RpcProtocolException("eth_getLogs answered a log hash instead of a log");
      }
      logs.add(log);
    }
    return logs;
  }
}
