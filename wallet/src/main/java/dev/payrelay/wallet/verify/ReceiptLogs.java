package dev.payrelay.wallet.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The logs of a receipt that a proof points at. */
final class ReceiptLogs {

  private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-fA-F][0-9a-fA-F]{0,14})");

  private ReceiptLogs() {}

  /** All logs of {@code receipt}, or only the one at the proof's log index if it names one. */
  static List<Log> selected(TransactionReceipt receipt, PaymentProof proof) {
    List<Log> logs = receipt.getLogs() == null ? List.of() : receipt.getLogs();
    if (proof.logIndex().isEmpty()) {
      return logs;
    }
    long wanted = proof.logIndex().getAsLong();
    return logs.stream().filter(l -> logIndex(l).filter(i -> i == wanted).isPresent()).toList();
  }

  /** The log's index in its block; empty if missing or not a JSON-RPC quantity. */
  static Optional<Long> logIndex(Log log) {
    String raw = log.getLogIndexRaw();
    return raw != null && QUANTITY.matcher(raw).matches()
        ? Optional.of(Long.parseLong(raw.substring(2), 16))
        : Optional.empty();
  }
}
