package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ProofMatch.refused;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.EthRpc.ProofFacts;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Decides from a proof's facts alone (receipt and transaction) whether it carries a transfer that
 * pays the invoice, leaving only its depth to check. A pure function.
 */
final class ReceiptMatcher {

  /** A receipt with more logs than this is refused before any is decoded. */
  static final int MAX_LOGS_PER_RECEIPT = 1_024;

  private ReceiptMatcher() {}

  static ProofMatch match(
      PaymentProof proof, Expectation expected, ProofFacts facts, Set<Address> trustedProxies) {
    if (facts.receipt().isEmpty()) {
      return refused(
          RejectionReason.UNKNOWN_TRANSACTION,
          facts.transaction().isPresent()
              ? "transaction " + proof.tx() + " is known but not mined yet; submit it again later"
              : "transaction " + proof.tx() + " is not found on chain " + proof.chain());
    }
    TransactionReceipt receipt = facts.receipt().get();
    List<Log> logs = receipt.getLogs() == null ? List.of() : receipt.getLogs();
    if (logs.size() > MAX_LOGS_PER_RECEIPT) {
      return refused(
          RejectionReason.TOO_LARGE,
          "the transaction emitted "
              + logs.size()
              + " logs; a proof is checked for at most "
              + MAX_LOGS_PER_RECEIPT);
    }
    if (!"0x1".equals(receipt.getStatus())) {
      return refused(
          RejectionReason.REVERTED,
          receipt.getStatus() == null
              ? "the receipt has no status (a pre-Byzantium chain), so success cannot be proven"
              : "the transaction failed (status " + receipt.getStatus() + "): nothing was paid");
    }
    MinedTx mined =
        new MinedTx(
            proof.chain(),
            proof.tx(),
            receipt.getBlockNumber().longValueExact(),
            receipt.getBlockHash().toLowerCase(Locale.ROOT),
            facts.transaction());
    List<Log> selected = ReceiptLogs.selected(receipt, proof);
    if (expected.route() instanceof PaymentRoute.ByReference) {
      if (proof.logIndex().isPresent() && selected.isEmpty()) {
        return refused(
            RejectionReason.NO_MATCHING_EVENT,
            "the transaction has no log with index " + proof.logIndex().getAsLong());
      }
      return ReferenceMatcher.match(selected, expected, mined, trustedProxies);
    }
    return DepositMatcher.match(proof, selected, expected, mined);
  }
}
