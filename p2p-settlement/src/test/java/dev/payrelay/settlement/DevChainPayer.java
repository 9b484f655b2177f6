package dev.payrelay.settlement;

import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import dev.payrelay.wallet.verify.ProofVerifier;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Real payments on the JVM's dev chain (anvil) for settlement tests: PayRelay's fee proxy deployed
 * once, ether paid through it by an account no other test class uses, to fresh merchant addresses
 * with fresh references, so tests never see each other's payments.
 */
final class DevChainPayer {
  /** The payer of settlement tests (anvil's account 7). */
  static final DevAccount PAYER = DevAccount.derive(7);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger FEE = BigInteger.valueOf(1_000);
  private static DevChainPayer shared;

  final DevChain chain = DevChain.shared();
  final ChainId chainId = ChainId.of(chain.chainId());
  final Asset.Native ether = Asset.ether(chainId);
  final Eip1559Sender sender = new Eip1559Sender(chain.web3j(), PAYER.credentials(), chainId);
  final Address proxy = FeeProxyContract.deploy(chain.web3j(), PAYER.credentials(), chainId);
  final Web3jEthRpc rpc = Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), chainId));

  /** One per test JVM: the proxy is deployed once. */
  static synchronized DevChainPayer shared() {
    if (shared == null) {
      shared = new DevChainPayer();
    }
    return shared;
  }

  /** This node's view of the dev chain: the wallet's verifier, one confirmation, our proxy. */
  ChainVerifier verifier() {
    return verifier(1);
  }

  /** The same, requiring {@code confirmations} blocks (the transfer's own included). */
  ChainVerifier verifier(int confirmations) {
    return ChainVerifier.of(List.of(new ProofVerifier(rpc, confirmations, Set.of(proxy))));
  }

  /** A verifier whose endpoint is down: nothing listens on {@code deadUrl}. */
  ChainVerifier deadVerifier(String deadUrl) {
    Web3jEthRpc dead =
        Web3jEthRpc.create(
            RpcSettings.of(deadUrl, chainId)
                .withPerCallTimeout(Duration.ofSeconds(2))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10), 0));
    return ChainVerifier.of(List.of(new ProofVerifier(dead, 1, Set.of(proxy))));
  }

  /** An invoice open at {@code home}, payable in ether by reference to a fresh merchant. */
  record OpenInvoice(InvoiceRef ref, Address merchant, PaymentReference reference) {}

  /** Opens an invoice of {@code total} wei in {@code home}'s ledger. */
  OpenInvoice openInvoice(TestNode home, BigInteger total) {
    OpenInvoice invoice =
        new OpenInvoice(
            new InvoiceRef(home.id(), UUID.randomUUID()), freshAddress(), freshReference());
    home.ledger.add(
        invoice.ref().invoiceId(),
        new Expectation(
            invoice.ref().toString(),
            ether,
            new PaymentRoute.ByReference(invoice.merchant(), invoice.reference().topicHash())),
        total);
    return invoice;
  }

  /** Pays {@code amount} wei for {@code invoice}: the proof of it. */
  PaymentProofMessage pay(OpenInvoice invoice, BigInteger amount) {
    return new PaymentProofMessage(
        invoice.ref(), pay(invoice.reference(), invoice.merchant(), amount));
  }

  /**
   * Pays {@code amount} wei as {@code expected} asks (recipient and reference): the claim of that
   * transfer, with the proxy event's log index.
   */
  TransferClaim pay(PaymentReference reference, Address merchant, BigInteger amount) {
    String data =
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            merchant, reference.bytes(), FEE, freshAddress());
    var receipt = sender.send(proxy, amount.add(FEE), data);
    var logs = receipt.getLogs();
    return new TransferClaim(
        chainId,
        TxHash.parse(receipt.getTransactionHash()),
        OptionalLong.of(logs.get(logs.size() - 1).getLogIndex().longValueExact()),
        ether,
        new PaymentRoute.ByReference(merchant, reference.topicHash()),
        amount);
  }

  static Address freshAddress() {
    byte[] bytes = new byte[Address.LENGTH];
    RANDOM.nextBytes(bytes);
    return Address.of(bytes);
  }

  static PaymentReference freshReference() {
    byte[] bytes = new byte[PaymentReference.LENGTH];
    RANDOM.nextBytes(bytes);
    return PaymentReference.of(bytes);
  }
}
