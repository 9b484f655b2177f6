package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ProofMatch.refused;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.rpc.RpcProtocolException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * Finds what a transaction sent to an invoice's deposit address: its own ETH value (log index -1),
 * or an ERC-20 {@code Transfer} log of the invoice's token. ETH moved by a contract (an internal
 * transaction) leaves no log and no value on the transaction, so it cannot be proven this way.
 */
final class DepositMatcher {

  private DepositMatcher() {}

  static ProofMatch match(PaymentProof proof, List<Log> logs, Expectation expected, MinedTx mined) {
    Address deposit = ((PaymentRoute.ToDepositAddress) expected.route()).depositAddress();
    List<Erc20TransferLog> transfers =
        logs.stream().flatMap(l -> Erc20TransferLog.decode(l).stream()).toList();
    Optional<BigInteger> etherToDeposit = etherTo(deposit, proof, mined);
    if (expected.asset() instanceof Asset.Erc20 token) {
      for (Erc20TransferLog t : transfers) {
        if (t.token().equals(token.contract())
            && t.to().equals(deposit)
            && t.value().signum() > 0) {
          return matched(expected, mined, t.logIndex(), deposit, t.value());
        }
      }
      if (transfers.stream()
              .anyMatch(
                  t ->
                      t.to().equals(deposit)
                          && !t.token().equals(token.contract())
                          && t.value().signum() > 0)
          || etherToDeposit.isPresent()) {
        return refused(
            RejectionReason.WRONG_ASSET,
            "the transaction sends another asset to the deposit address than "
                + token.symbol()
                + " ("
                + token.contract()
                + ")");
      }
      if (transfers.stream()
          .anyMatch(t -> t.token().equals(token.contract()) && t.value().signum() > 0)) {
        return refused(
            RejectionReason.WRONG_RECIPIENT,
            "the transaction sends " + token.symbol() + " to another address than " + deposit);
      }
      return refused(
          RejectionReason.NO_MATCHING_EVENT,
          "the transaction has no "
              + token.symbol()
              + " Transfer of a positive value to "
              + deposit);
    }
    if (etherToDeposit.isPresent()) {
      return matched(expected, mined, Transfer.NATIVE_VALUE, deposit, etherToDeposit.get());
    }
    if (transfers.stream().anyMatch(t -> t.to().equals(deposit) && t.value().signum() > 0)) {
      return refused(
          RejectionReason.WRONG_ASSET,
          "the transaction sends a token to the deposit address; the invoice asks for "
              + expected.asset().symbol());
    }
    Transaction tx = transaction(mined);
    if (value(tx).signum() > 0 && proof.logIndex().orElse(Transfer.NATIVE_VALUE) < 0) {
      return refused(
          RejectionReason.WRONG_RECIPIENT,
          "the transaction sends "
              + expected.asset().symbol()
              + " to "
              + tx.getTo()
              + ", not to "
              + deposit);
    }
    return refused(
        RejectionReason.NO_MATCHING_EVENT,
        "the transaction sends no "
            + expected.asset().symbol()
            + " to "
            + deposit
            + (proof.logIndex().orElse(Transfer.NATIVE_VALUE) >= 0
                ? " (an ETH payment is the transaction's value, log index -1)"
                : ""));
  }

  /** The ETH the transaction itself sends to {@code deposit}, if the proof may point at it. */
  private static Optional<BigInteger> etherTo(Address deposit, PaymentProof proof, MinedTx mined) {
    if (proof.logIndex().orElse(Transfer.NATIVE_VALUE) != Transfer.NATIVE_VALUE) {
      return Optional.empty();
    }
    Transaction tx = transaction(mined);
    return recipient(tx).filter(deposit::equals).map(to -> value(tx)).filter(v -> v.signum() > 0);
  }

  private static ProofMatch matched(
      Expectation expected, MinedTx mined, long logIndex, Address to, BigInteger value) {
    return new ProofMatch.Matched(
        new Transfer(
            mined.chain(),
            mined.tx(),
            logIndex,
            mined.blockNumber(),
            mined.blockHash(),
            expected.asset(),
            to,
            TokenAmount.ofBaseUnits(expected.asset(), value),
            expected.route()));
  }

  private static Transaction transaction(MinedTx mined) {
    return mined
        .transaction()
        .orElseThrow(
            () ->
                new RpcProtocolException(
                    "the node has a receipt for " + mined.tx() + " but not the transaction"));
  }

  private static Optional<Address> recipient(Transaction tx) {
    try {
      return tx.getTo() == null ? Optional.empty() : Optional.of(Address.parse(tx.getTo()));
    } catch (InvalidValueException e) {
      throw new RpcProtocolException("a transaction with a malformed recipient: " + tx.getTo(), e);
    }
  }

  private static BigInteger value(Transaction tx) {
    try {
      return tx.getValue();
    } catch (RuntimeException e) {
      throw new RpcProtocolException(
          "a transaction with a malformed value: " + tx.getValueRaw(), e);
    }
  }
}
