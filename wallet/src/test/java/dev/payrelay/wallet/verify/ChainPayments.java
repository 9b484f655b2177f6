package dev.payrelay.wallet.verify;

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
import dev.payrelay.wallet.rpc.TestTokens;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.test.StepVerifier;

/**
 * Real payments on the dev chain for verification tests: a freshly deployed proxy and two test
 * tokens, paid from anvil's account 0. Every test gets fresh recipients and references, so tests
 * sharing the chain never see each other's payments.
 */
final class ChainPayments implements AutoCloseable {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger GAS_FOR_A_REVERT = BigInteger.valueOf(100_000);

  final DevChain chain = DevChain.shared();
  final ChainId chainId = ChainId.of(chain.chainId());
  final Eip1559Sender sender =
      new Eip1559Sender(chain.web3j(), DevAccount.ACCOUNT_0.credentials(), chainId);
  final Address proxy =
      FeeProxyContract.deploy(chain.web3j(), DevAccount.ACCOUNT_0.credentials(), chainId);
  final Asset.Native ether = Asset.ether(chainId);
  final Asset.Erc20 usdc =
      new Asset.Erc20(chainId, TestTokens.deploy(sender, "USDC", 6), "USDC", 6);
  final Asset.Erc20 dai = new Asset.Erc20(chainId, TestTokens.deploy(sender, "DAI", 18), "DAI", 18);
  final Web3jEthRpc rpc = Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), chainId));

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

  /** Pays {@code amount} wei to {@code to} through the proxy, plus {@code fee} to a fee address. */
  TransactionReceipt payEtherByReference(
      Address to, PaymentReference reference, BigInteger amount, BigInteger fee) {
    String data =
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            to, reference.bytes(), fee, freshAddress());
    return sender.send(proxy, amount.add(fee), data);
  }

  /** Mints {@code amount + fee} of {@code token}, approves the proxy, and pays through it. */
  TransactionReceipt payTokenByReference(
      Asset.Erc20 token,
      Address to,
      PaymentReference reference,
      BigInteger amount,
      BigInteger fee) {
    sender.send(token.contract(), BigInteger.ZERO, TestTokens.mint(sender.from(), amount.add(fee)));
    sender.send(token.contract(), BigInteger.ZERO, TestTokens.approve(proxy, amount.add(fee)));
    String data =
        FeeProxyContract.encodeTransferFromWithReferenceAndFee(
            token.contract(), to, amount, reference.bytes(), fee, freshAddress());
    return sender.send(proxy, BigInteger.ZERO, data);
  }

  /** A proxy payment to the zero address: mined, and reverted (status 0). */
  TransactionReceipt revertedPayment(PaymentReference reference) {
    String data =
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            Address.ZERO, reference.bytes(), BigInteger.ZERO, Address.ZERO);
    return sender.sendWithGasLimit(proxy, BigInteger.ONE, data, GAS_FOR_A_REVERT);
  }

  TransactionReceipt sendEther(Address to, BigInteger wei) {
    return sender.send(to, wei, "0x");
  }

  /** Mints {@code amount} and sends it with the token's {@code transfer}. */
  TransactionReceipt sendToken(Asset.Erc20 token, Address to, BigInteger amount) {
    sender.send(token.contract(), BigInteger.ZERO, TestTokens.mint(sender.from(), amount));
    return sender.send(token.contract(), BigInteger.ZERO, TestTokens.transfer(to, amount));
  }

  /** What an invoice paid by reference to {@code recipient} expects. */
  static Expectation byReference(Asset asset, Address recipient, PaymentReference reference) {
    return new Expectation(
        "invoice-" + reference.hex(),
        asset,
        new PaymentRoute.ByReference(recipient, reference.topicHash()));
  }

  /** The one verification {@code verifier} emits for the proof, checked with StepVerifier. */
  static Verification verifyOnce(ProofVerifier verifier, PaymentProof proof, Expectation expected) {
    AtomicReference<Verification> answer = new AtomicReference<>();
    StepVerifier.create(verifier.verify(proof, expected))
        .consumeNextWith(answer::set)
        .expectComplete()
        .verify(BOUND);
    return answer.get();
  }

  static TxHash hash(TransactionReceipt receipt) {
    return TxHash.parse(receipt.getTransactionHash());
  }

  @Override
  public void close() {
    rpc.close();
  }
}
