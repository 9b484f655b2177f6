package dev.payrelay.bench;

import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.verify.PaymentProof;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Payments through the proxy, one invoice each (a distinct reference), mined one per block by
 * automine: what the proof benchmark verifies.
 */
final class ProofPayments {

  /** One paid invoice: the proof a buyer would submit and what the invoice expects. */
  record Paid(String txHash, PaymentProof proof, Expectation expected) {}

  private static final byte[] STORE_SECRET =
      "payrelay bench store secret, 32+ bytes long".getBytes(StandardCharsets.US_ASCII);

  private ProofPayments() {}

  static List<Paid> make(BenchChain chain, int ether, int tokens) {
    Address merchant = Address.parse("0x000000000000000000000000000000000000be4c");
    List<Paid> paid = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<Expectation> expectations = new ArrayList<>();
    for (int k = 0; k < ether + tokens; k++) {
      String invoice = "proof-" + k;
      PaymentReference reference = PaymentReference.derive(STORE_SECRET, invoice);
      BigInteger amount = BigInteger.valueOf(1_000_000 + k);
      boolean viaToken = k >= ether;
      Asset asset = viaToken ? chain.token : Asset.ether(chain.id);
      String data =
          viaToken
              ? FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                  chain.token.contract(),
                  merchant,
                  amount,
                  reference.bytes(),
                  BigInteger.ZERO,
                  Address.ZERO)
              : FeeProxyContract.encodeTransferWithReferenceAndFee(
                  merchant, reference.bytes(), BigInteger.ZERO, Address.ZERO);
      hashes.add(chain.send(chain.proxy, viaToken ? BigInteger.ZERO : amount, data));
      expectations.add(
          new Expectation(
              invoice, asset, new PaymentRoute.ByReference(merchant, reference.topicHash())));
    }
    for (int k = 0; k < hashes.size(); k++) {
      chain.awaitReceipt(hashes.get(k));
      String hash = hashes.get(k);
      paid.add(new Paid(hash, PaymentProof.of(chain.id, TxHash.parse(hash)), expectations.get(k)));
    }
    return List.copyOf(paid);
  }
}
