package dev.payrelay.bench;

import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The settlement benchmark's payments, made before anything is timed: one invoice per payment, at a
 * random home node, paid by a plain ETH transfer from anvil's unlocked account to the invoice's own
 * fresh deposit address (route {@code ToDepositAddress}, log index {@link Transfer#NATIVE_VALUE}),
 * and a random other node to submit its proof at.
 */
final class SettlePayments {

  /** Wei asked for and paid, plus the payment's number so that no two are alike. */
  private static final BigInteger PRICE = BigInteger.TEN.pow(15);

  /** One paid invoice: where it lives, where its proof is submitted, and the proof. */
  record Paid(int home, int submitAt, UUID invoice, PaymentProofMessage proof) {}

  private SettlePayments() {}

  /** Pays {@code count} invoices and opens each in its home node's ledger. */
  static List<Paid> make(
      BenchChain chain, SettleNetwork network, int count, SplittableRandom random) {
    int nodes = network.members.size();
    Asset ether = Asset.ether(chain.id);
    List<String> hashes = new ArrayList<>();
    List<TransferClaim> unmined = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      byte[] bytes = new byte[Address.LENGTH];
      random.nextBytes(bytes);
      Address deposit = Address.of(bytes);
      BigInteger amount = PRICE.add(BigInteger.valueOf(k));
      String hash = chain.send(deposit, amount, "0x");
      hashes.add(hash);
      unmined.add(
          new TransferClaim(
              chain.id,
              TxHash.parse(hash),
              OptionalLong.of(Transfer.NATIVE_VALUE),
              ether,
              new PaymentRoute.ToDepositAddress(deposit),
              amount));
    }
    List<Paid> paid = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      chain.awaitReceipt(hashes.get(k));
      TransferClaim claim = unmined.get(k);
      int home = random.nextInt(nodes);
      int submitAt = (home + 1 + random.nextInt(nodes - 1)) % nodes;
      SettleNetwork.Member member = network.members.get(home);
      UUID invoice = UUID.randomUUID();
      InvoiceRef ref = new InvoiceRef(member.id(), invoice);
      member
          .ledger()
          .open(invoice, new Expectation(ref.toString(), ether, claim.route()), claim.amount());
      paid.add(new Paid(home, submitAt, invoice, new PaymentProofMessage(ref, claim)));
    }
    return List.copyOf(paid);
  }
}
