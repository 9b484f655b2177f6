package dev.payrelay.wallet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.rpc.EthRpc.BlockTag;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.test.StepVerifier;

/** Every method of Web3jEthRpc against a real anvil. */
class Web3jEthRpcTest {

  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final TxHash UNKNOWN = TxHash.of(new byte[32]);

  private static DevChain chain;
  private static Web3jEthRpc rpc;
  private static Eip1559Sender sender;

  @BeforeAll
  static void connect() {
    chain = DevChain.shared();
    ChainId id = ChainId.of(chain.chainId());
    rpc = Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), id));
    sender = new Eip1559Sender(chain.web3j(), DevAccount.ACCOUNT_0.credentials(), id);
  }

  @AfterAll
  static void close() {
    rpc.close();
  }

  @Test
  void readsTheChainIdAndTheHeadAndItsTags() {
    chain.mine(5);
    long latest = rpc.latestBlockNumber().block(BOUND);

    assertThat(rpc.remoteChainId().block(BOUND)).isEqualTo(1337L);
    assertThat(latest).isGreaterThanOrEqualTo(5);
    Optional<Long> safe = rpc.taggedBlockNumber(BlockTag.SAFE).block(BOUND);
    Optional<Long> finalized = rpc.taggedBlockNumber(BlockTag.FINALIZED).block(BOUND);
    assertThat(safe).hasValueSatisfying(s -> assertThat(s).isLessThanOrEqualTo(latest));
    assertThat(finalized)
        .hasValueSatisfying(f -> assertThat(f).isLessThanOrEqualTo(safe.orElseThrow()));
  }

  @Test
  void readsABlockAndAnswersEmptyForOneNotYetMined() {
    long latest = rpc.latestBlockNumber().block(BOUND);

    StepVerifier.create(rpc.block(latest, false))
        .assertNext(
            block -> {
              assertThat(block).isPresent();
              assertThat(block.get().getNumber()).isEqualTo(BigInteger.valueOf(latest));
              assertThat(block.get().getHash()).startsWith("0x").hasSize(66);
            })
        .verifyComplete();
    StepVerifier.create(rpc.block(latest + 1_000, false))
        .expectNext(Optional.empty())
        .verifyComplete();
  }

  @Test
  void readsAReceiptAndTransactionAndAnswersEmptyForAnUnknownHash() {
    Address to =
        Address.of(
            new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
    TransactionReceipt sent = sender.send(to, BigInteger.TEN, "0x");
    TxHash tx = TxHash.parse(sent.getTransactionHash());

    assertThat(rpc.receipt(tx).block(BOUND))
        .hasValueSatisfying(r -> assertThat(r.getBlockHash()).isEqualTo(sent.getBlockHash()));
    assertThat(rpc.transaction(tx).block(BOUND))
        .hasValueSatisfying(t -> assertThat(t.getValue()).isEqualTo(BigInteger.TEN));
    assertThat(rpc.receipt(UNKNOWN).block(BOUND)).isEmpty();
    assertThat(rpc.transaction(UNKNOWN).block(BOUND)).isEmpty();
  }

  @Test
  void fetchesTheFactsOfAProofInOneHttpRequest() {
    TransactionReceipt sent = sender.send(Address.of(new byte[20]), BigInteger.ONE, "0x");
    chain.mine(3);
    long before = rpc.stats().httpRequests();

    EthRpc.ProofFacts facts = rpc.proofFacts(TxHash.parse(sent.getTransactionHash())).block(BOUND);

    assertThat(rpc.stats().httpRequests() - before).isEqualTo(1);
    assertThat(facts.receipt()).isPresent();
    assertThat(facts.transaction()).isPresent();
    assertThat(facts.latestBlock()).isGreaterThanOrEqualTo(sent.getBlockNumber().longValue() + 3);
    assertThat(facts.finalizedBlock())
        .hasValueSatisfying(f -> assertThat(f).isLessThan(facts.latestBlock()));
    EthRpc.ProofFacts unknown = rpc.proofFacts(UNKNOWN).block(BOUND);
    assertThat(unknown.receipt()).isEmpty();
    assertThat(unknown.transaction()).isEmpty();
  }

  @Test
  void filtersLogsByAnyOfSeveralAddressesAndTopicsInOneCall() {
    Address spender = Address.parse(DevAccount.ACCOUNT_1.address());
    Address holder = sender.from();
    Address tokenA = TestTokens.deploy(sender, "TKA", 6);
    Address tokenB = TestTokens.deploy(sender, "TKB", 18);
    long from = rpc.latestBlockNumber().block(BOUND);
    for (Address token : List.of(tokenA, tokenB)) {
      sender.send(token, BigInteger.ZERO, TestTokens.mint(holder, BigInteger.valueOf(1_000)));
      sender.send(token, BigInteger.ZERO, TestTokens.approve(spender, BigInteger.valueOf(7)));
    }
    long to = rpc.latestBlockNumber().block(BOUND);
    long callsBefore = rpc.stats().calls("eth_getLogs");

    List<Log> all =
        rpc.logs(
                from,
                to,
                List.of(tokenA, tokenB),
                List.of(TestTokens.TRANSFER_TOPIC, TestTokens.APPROVAL_TOPIC))
            .block(BOUND);
    List<Log> transfers =
        rpc.logs(from, to, List.of(tokenA, tokenB), List.of(TestTokens.TRANSFER_TOPIC))
            .block(BOUND);
    List<Log> approvalsOfA =
        rpc.logs(from, to, List.of(tokenA), List.of(TestTokens.APPROVAL_TOPIC)).block(BOUND);

    assertThat(all).hasSize(4);
    assertThat(transfers)
        .extracting(Log::getAddress)
        .containsExactly(tokenA.toLowerHex(), tokenB.toLowerHex());
    assertThat(approvalsOfA)
        .singleElement()
        .satisfies(l -> assertThat(l.getTopics().get(0)).isEqualTo(TestTokens.APPROVAL_TOPIC));
    assertThat(rpc.stats().calls("eth_getLogs") - callsBefore).isEqualTo(3);
    assertThat(rpc.logs(from, to, List.of(), List.of(TestTokens.TRANSFER_TOPIC)).block(BOUND))
        .isEmpty();
    assertThat(rpc.stats().calls("eth_getLogs") - callsBefore).isEqualTo(3);
  }

  @Test
  void refusesANegativeBlockOrAnInvertedRangeWithoutCalling() {
    StepVerifier.create(rpc.block(-1, false))
        .expectError(IllegalArgumentException.class)
        .verify(BOUND);
    StepVerifier.create(rpc.logs(5, 4, List.of(Address.ZERO), List.of(TestTokens.TRANSFER_TOPIC)))
        .expectError(IllegalArgumentException.class)
        .verify(BOUND);
  }
}
