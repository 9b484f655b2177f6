package dev.payrelay.wallet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.contract.TestTokenContract.Behaviour;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The proxy on a real EVM (anvil): payments in ETH and in a token, the events they emit decoded
 * from the receipts, and the payments that must revert. One proxy per class; every test pays fresh
 * random addresses and its own token, so tests see nothing of each other.
 */
class FeeProxyOnDevChainTest {

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger USD = BigInteger.TEN.pow(6);
  private static final BigInteger REVERTING_GAS_LIMIT = BigInteger.valueOf(300_000);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static Web3j web3j;
  private static Eip1559Sender payer;
  private static Address proxy;

  @BeforeAll
  static void deployProxy() {
    DevChain chain = DevChain.shared();
    web3j = chain.web3j();
    ChainId chainId = ChainId.of(chain.chainId());
    // An account of its own, so other test classes' nonces and balances are not disturbed.
    DevAccount account = DevAccount.derive(7);
    payer = new Eip1559Sender(web3j, account.credentials(), chainId);
    proxy = FeeProxyContract.deploy(web3j, DevAccount.derive(8).credentials(), chainId);
  }

  @Test
  void paysEtherThroughTheProxyAndEmitsTheReference() {
    Address merchant = freshAddress();
    Address feeCollector = freshAddress();
    byte[] reference = reference();
    BigInteger amount = ETHER.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
    BigInteger fee = ETHER.divide(BigInteger.valueOf(100));

    TransactionReceipt receipt =
        payer.send(
            proxy,
            amount.add(fee),
            FeeProxyContract.encodeTransferWithReferenceAndFee(
                merchant, reference, fee, feeCollector));

    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(etherBalance(merchant)).isEqualTo(amount);
    assertThat(etherBalance(feeCollector)).isEqualTo(fee);
    assertThat(etherBalance(proxy)).isZero();

    ReferenceTransfer event = onlyEvent(receipt);
    assertThat(event.isEther()).isTrue();
    assertThat(event.to()).isEqualTo(merchant);
    assertThat(event.amount()).isEqualTo(amount);
    assertThat(event.feeAmount()).isEqualTo(fee);
    assertThat(event.feeAddress()).isEqualTo(feeCollector);
    assertThat(event.referenceTopicHash()).isEqualTo(Hash.sha3(reference));
    assertThat(event.hasReferenceTopic(Hash.sha3(reference))).isTrue();
    assertSameLog(event, receipt);
  }

  @Test
  void paysATokenThroughTheProxyAfterApproval() {
    TestTokenContract token = TestTokenContract.deploy(payer, "Test USD", "TUSD", 6);
    Address merchant = freshAddress();
    Address feeCollector = freshAddress();
    byte[] reference = reference();
    BigInteger amount = USD.multiply(BigInteger.valueOf(1999)).divide(BigInteger.valueOf(100));
    BigInteger fee = USD.divide(BigInteger.TEN);
    token.mint(payer.from(), USD.multiply(BigInteger.valueOf(100)));
    payer.send(token.address(), BigInteger.ZERO, TestTokenContract.approve(proxy, amount.add(fee)));

    TransactionReceipt receipt =
        payer.send(
            proxy,
            BigInteger.ZERO,
            FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                token.address(), merchant, amount, reference, fee, feeCollector));

    assertThat(token.balanceOf(web3j, merchant)).isEqualTo(amount);
    assertThat(token.balanceOf(web3j, feeCollector)).isEqualTo(fee);
    assertThat(token.balanceOf(web3j, proxy)).isZero();
    ReferenceTransfer event = onlyEvent(receipt);
    assertThat(event.tokenOrNullForEth()).isEqualTo(token.address());
    assertThat(event.to()).isEqualTo(merchant);
    assertThat(event.amount()).isEqualTo(amount);
    assertThat(event.feeAmount()).isEqualTo(fee);
    assertThat(event.feeAddress()).isEqualTo(feeCollector);
    assertThat(event.hasReferenceTopic(Hash.sha3(reference))).isTrue();
    assertSameLog(event, receipt);
  }

  @Test
  void aTransferFromWithoutAllowanceIsMinedAsReverted() {
    TestTokenContract token = TestTokenContract.deploy(payer, "Test USD", "TUSD", 6);
    token.mint(payer.from(), USD);
    Address merchant = freshAddress();

    TransactionReceipt receipt =
        payer.sendWithGasLimit(
            proxy,
            BigInteger.ZERO,
            FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                token.address(), merchant, USD, reference(), BigInteger.ZERO, Address.ZERO),
            REVERTING_GAS_LIMIT);

    assertThat(receipt.getStatus()).isEqualTo("0x0");
    assertThat(receipt.getLogs()).isEmpty();
    assertThat(token.balanceOf(web3j, merchant)).isZero();
    assertThat(token.balanceOf(web3j, payer.from())).isEqualTo(USD);
  }

  @Test
  void acceptsATokenWhoseTransferFromReturnsNothing() {
    TestTokenContract token = TestTokenContract.deploy(payer, "Tether-like", "TUSDT", 6);
    token.setBehaviour(Behaviour.RETURNS_NOTHING);
    token.mint(payer.from(), USD);
    payer.send(token.address(), BigInteger.ZERO, TestTokenContract.approve(proxy, USD));
    Address merchant = freshAddress();

    TransactionReceipt receipt =
        payer.send(
            proxy,
            BigInteger.ZERO,
            FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                token.address(), merchant, USD, reference(), BigInteger.ZERO, Address.ZERO));

    assertThat(token.balanceOf(web3j, merchant)).isEqualTo(USD);
    ReferenceTransfer event = onlyEvent(receipt);
    assertThat(event.feeAmount()).isZero();
    assertThat(event.feeAddress()).isEqualTo(Address.ZERO);
  }

  @Test
  void revertsWhenTheTokenReturnsFalse() {
    TestTokenContract token = TestTokenContract.deploy(payer, "False token", "FALSE", 6);
    token.setBehaviour(Behaviour.RETURNS_FALSE);
    token.mint(payer.from(), USD);
    payer.send(token.address(), BigInteger.ZERO, TestTokenContract.approve(proxy, USD));
    String call =
        FeeProxyContract.encodeTransferFromWithReferenceAndFee(
            token.address(), freshAddress(), USD, reference(), BigInteger.ZERO, Address.ZERO);

    assertThatThrownBy(() -> payer.send(proxy, BigInteger.ZERO, call))
        .isInstanceOf(TransactionException.class)
        .hasMessageContaining("eth_estimateGas");
    assertThat(
            payer.sendWithGasLimit(proxy, BigInteger.ZERO, call, REVERTING_GAS_LIMIT).getStatus())
        .isEqualTo("0x0");
  }

  @Test
  void revertsWhenThePayeeRefusesEther() {
    // A contract without a receive function refuses ETH: the test token will do.
    Address refuser = TestTokenContract.deploy(payer, "Refuser", "NOPE", 0).address();

    TransactionReceipt receipt =
        payer.sendWithGasLimit(
            proxy,
            ETHER,
            FeeProxyContract.encodeTransferWithReferenceAndFee(
                refuser, reference(), BigInteger.ZERO, Address.ZERO),
            REVERTING_GAS_LIMIT);

    assertThat(receipt.getStatus()).isEqualTo("0x0");
    assertThat(etherBalance(refuser)).isZero();
  }

  @Test
  void refusesAFeeAboveTheValueSent() {
    String call =
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            freshAddress(), reference(), ETHER, freshAddress());

    assertThatThrownBy(() -> payer.send(proxy, ETHER.subtract(BigInteger.ONE), call))
        .isInstanceOf(TransactionException.class);
  }

  @Test
  void refusesPlainEtherSentToTheProxy() {
    assertThatThrownBy(() -> payer.send(proxy, ETHER, "0x"))
        .isInstanceOf(TransactionException.class);
  }

  private static ReferenceTransfer onlyEvent(TransactionReceipt receipt) {
    assertThat(receipt.isStatusOK()).isTrue();
    List<ReferenceTransfer> events = TransferWithReferenceEvents.fromReceipt(receipt, proxy);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static void assertSameLog(ReferenceTransfer event, TransactionReceipt receipt) {
    Log log =
        receipt.getLogs().stream()
            .filter(TransferWithReferenceEvents::isReferenceTransfer)
            .findFirst()
            .orElseThrow();
    assertThat(event.proxy()).isEqualTo(proxy);
    assertThat(event.tx()).isEqualTo(TxHash.parse(receipt.getTransactionHash()));
    assertThat(event.logIndex()).isEqualTo(log.getLogIndex().longValueExact());
    assertThat(event.blockNumber()).isEqualTo(receipt.getBlockNumber().longValueExact());
    assertThat(event.blockHash()).isEqualTo(receipt.getBlockHash());
    assertThat(log.getTopics().get(0)).isEqualTo(TransferWithReferenceEvents.TOPIC_WITH_TOKEN);
  }

  /** A fresh 16-byte payment reference, the length PaymentReference derives. */
  private static byte[] reference() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static Address freshAddress() {
    byte[] bytes = new byte[Address.LENGTH];
    RANDOM.nextBytes(bytes);
    return Address.of(bytes);
  }

  private static BigInteger etherBalance(Address address) {
    try {
      return web3j
          .ethGetBalance(address.toLowerHex(), DefaultBlockParameterName.LATEST)
          .send()
          .getBalance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
