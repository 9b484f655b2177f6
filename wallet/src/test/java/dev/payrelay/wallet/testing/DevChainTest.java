package dev.payrelay.wallet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

class DevChainTest {

  private final DevChain chain = DevChain.shared();
  private final Web3j web3j = chain.web3j();

  @Test
  void web3jReadsChainId1337FromTheSharedAnvil() throws Exception {
    assertThat(chain.chainId()).isEqualTo(1337);
    assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(1337));
  }

  @Test
  void sharedStartsOneAnvilEvenWhenManyThreadsAskAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DevChain>> chains =
          pool.invokeAll(
              List.<Callable<DevChain>>of(DevChain::shared, DevChain::shared, DevChain::shared));
      for (Future<DevChain> c : chains) {
        assertThat(c.get()).isSameAs(chain);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void devAccountsAreTheWellKnownAnvilAccountsOfTheTestMnemonic() throws Exception {
    assertThat(DevAccount.ACCOUNT_0.address())
        .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(DevAccount.ACCOUNT_0.privateKey())
        .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(DevAccount.ACCOUNT_1.address())
        .isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    assertThat(DevAccount.ACCOUNT_1.privateKey())
        .isEqualTo("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    List<String> anvilAccounts = web3j.ethAccounts().send().getAccounts();
    assertThat(anvilAccounts.subList(0, 2))
        .containsExactly(
            DevAccount.ACCOUNT_0.address().toLowerCase(),
            DevAccount.ACCOUNT_1.address().toLowerCase());
  }

  @Test
  void signedEip1559TransferPaysTheRecipientExactlyTheValueSent() throws Exception {
    var sender = DevAccount.ACCOUNT_0.credentials();
    String recipient = Keys.toChecksumAddress(Keys.getAddress(Keys.createEcKeyPair()));
    BigInteger value =
        Convert.toWei("1.234567890123456789", Convert.Unit.ETHER).toBigIntegerExact();
    BigInteger nonce =
        web3j
            .ethGetTransactionCount(sender.getAddress(), DefaultBlockParameterName.PENDING)
            .send()
            .getTransactionCount();
    BigInteger baseFee =
        web3j
            .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock()
            .getBaseFeePerGas();
    BigInteger tip = Convert.toWei("1", Convert.Unit.GWEI).toBigIntegerExact();
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            chain.chainId(),
            nonce,
            BigInteger.valueOf(21_000),
            recipient,
            value,
            tip,
            baseFee.multiply(BigInteger.TWO).add(tip));

    byte[] signed = TransactionEncoder.signMessage(tx, chain.chainId(), sender);
    EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();

    assertThat(sent.hasError())
        .as("%s", sent.getError() == null ? "" : sent.getError().getMessage())
        .isFalse();
    TransactionReceipt receipt = chain.awaitReceipt(sent.getTransactionHash());
    assertThat(receipt.getStatus()).isEqualTo("0x1");
    assertThat(receipt.getType()).isEqualTo("0x2");
    assertThat(receipt.getBlockNumber()).isPositive();
    assertThat(receipt.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(web3j.ethGetBalance(recipient, DefaultBlockParameterName.LATEST).send().getBalance())
        .isEqualTo(value);
  }

  @Test
  void finalizedAndSafeLagBehindLatestAfterMining() throws Exception {
    chain.mine(10);

    long latest = blockNumber(DefaultBlockParameterName.LATEST);
    long safe = blockNumber(DefaultBlockParameterName.SAFE);
    long finalized = blockNumber(DefaultBlockParameterName.FINALIZED);

    assertThat(latest).isGreaterThanOrEqualTo(10);
    assertThat(safe).isLessThan(latest);
    assertThat(finalized).isLessThan(safe);
  }

  @Test
  void revertRollsTheChainBackToItsSnapshot() throws Exception {
    String snapshot = chain.snapshot();
    long before = blockNumber(DefaultBlockParameterName.LATEST);
    chain.mine(3);
    assertThat(blockNumber(DefaultBlockParameterName.LATEST)).isEqualTo(before + 3);

    chain.revert(snapshot);

    assertThat(blockNumber(DefaultBlockParameterName.LATEST)).isEqualTo(before);
  }

  private long blockNumber(DefaultBlockParameterName tag) throws Exception {
    EthBlock.Block block = web3j.ethGetBlockByNumber(tag, false).send().getBlock();
    return block.getNumber().longValueExact();
  }
}
