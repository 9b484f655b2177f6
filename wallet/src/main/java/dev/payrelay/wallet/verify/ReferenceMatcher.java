package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ProofMatch.refused;

import dev.payrelay.wallet.contract.ReferenceTransfer;
import dev.payrelay.wallet.contract.TransferWithReferenceEvents;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Finds the {@code TransferWithReferenceAndFee} event that pays an invoice by reference. Only
 * events of trusted proxies count: anyone can deploy a contract that emits the same event.
 */
final class ReferenceMatcher {

  private ReferenceMatcher() {}

  static ProofMatch match(
      List<Log> logs, Expectation expected, MinedTx mined, Set<Address> trustedProxies) {
    PaymentRoute.ByReference route = (PaymentRoute.ByReference) expected.route();
    List<ReferenceTransfer> events = new ArrayList<>();
    int untrusted = 0;
    int malformed = 0;
    for (Log log : logs) {
      if (!TransferWithReferenceEvents.isReferenceTransfer(log)) {
        continue;
      }
      try {
        if (!trustedProxies.contains(Address.parse(log.getAddress()))) {
          untrusted++;
          continue;
        }
        events.add(TransferWithReferenceEvents.decode(log));
      } catch (InvalidValueException e) { // a MalformedEventException, or a bad address
        malformed++;
      }
    }
    if (events.isEmpty()) {
      return refused(
          RejectionReason.NO_MATCHING_EVENT,
          "the transaction has no TransferWithReferenceAndFee event of a trusted payment proxy"
              + (untrusted > 0 ? "; " + untrusted + " from other contracts were ignored" : "")
              + (malformed > 0 ? "; " + malformed + " malformed were ignored" : ""));
    }
    ProofMatch mismatch = null;
    for (ReferenceTransfer event : events) {
      if (!event.hasReferenceTopic(route.referenceTopic())) {
        continue;
      }
      if (!paysIn(event, expected.asset())) {
        mismatch =
            mismatch != null
                ? mismatch
                : refused(
                    RejectionReason.WRONG_ASSET,
                    "the payment with the invoice's reference is in "
                        + (event.isEther() ? "ETH" : "token " + event.tokenOrNullForEth())
                        + ", the invoice asks for "
                        + expected.asset().caip19());
      } else if (!event.to().equals(route.recipient())) {
        mismatch =
            mismatch != null
                ? mismatch
                : refused(
                    RejectionReason.WRONG_RECIPIENT,
                    "the payment with the invoice's reference goes to "
                        + event.to()
                        + ", not to "
                        + route.recipient());
      } else {
        return new ProofMatch.Matched(
            new Transfer(
                mined.chain(),
                mined.tx(),
                event.logIndex(),
                mined.blockNumber(),
                mined.blockHash(),
                expected.asset(),
                event.to(),
                TokenAmount.ofBaseUnits(expected.asset(), event.amount()),
                route));
      }
    }
    return mismatch != null
        ? mismatch
        : refused(
            RejectionReason.WRONG_REFERENCE,
            "the transaction pays "
                + events.size()
                + (events.size() == 1 ? " event" : " events")
                + " through a trusted proxy, none with the invoice's reference");
  }

  private static boolean paysIn(ReferenceTransfer event, Asset asset) {
    if (asset instanceof Asset.Erc20 token) {
      return !event.isEther() && token.contract().equals(event.tokenOrNullForEth());
    }
    return event.isEther();
  }
}
