package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.contract.ContractArtifact;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The dev chain set up for watcher tests: our proxy and a 6-decimal test token deployed, a funded
 * payer holding tokens and having approved the proxy, and the four ways to pay.
 */
final class DevChainPayments {

  /** The payer of these tests; other test classes use other accounts. */
  static final DevAccount PAYER = DevAccount.derive(4);

  private static final SecureRandom RANDOM = new SecureRandom();

  final DevChain chain = DevChain.shared();
  final ChainId id = ChainId.of(chain.chainId());
  final Eip1559Sender payer = new Eip1559Sender(chain.web3j(), PAYER.credentials(), id);
  final Address proxy = FeeProxyContract.deploy(chain.web3j(), PAYER.credentials(), id);
  final Asset.Erc20 token;

  DevChainPayments() {
    ContractArtifact artifact = ContractArtifact.load("contracts/TestToken.json");
    String args =
        FunctionEncoder.encodeConstructor(
            List.of(new Utf8String("Test USD"), new Utf8String("TUSD"), new Uint8(6)));
    Address contract =
        payer.deploy(
            Numeric.hexStringToByteArray(
                Numeric.toHexString(artifact.bytecode()) + Numeric.cleanHexPrefix(args)));
    token = new Asset.Erc20(id, contract, "TUSD", 6);
    payer.send(contract, BigInteger.ZERO, mintCall(payer.from(), BigInteger.TEN.pow(30)));
    payer.send(
        contract,
        BigInteger.ZERO,
        FunctionEncoder.encode(
            new Function(
                "approve",
                List.of(
                    new org.web3j.abi.datatypes.Address(proxy.toLowerHex()),
                    new Uint256(BigInteger.TWO.pow(256).subtract(BigInteger.ONE))),
                List.of())));
  }

  ChainConfig config(int confirmations) {
    return new ChainConfig(
        id, "dev", chain.rpcUrl(), confirmations, Asset.ether(id), List.of(token), List.of(proxy));
  }

  Web3jEthRpc rpc() {
    return Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), id));
  }

  long head() {
    try {
      return chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Address freshAddress() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return Address.of(bytes);
  }

  static PaymentReference freshReference() {
    byte[] bytes = new byte[PaymentReference.LENGTH];
    RANDOM.nextBytes(bytes);
    return PaymentReference.of(bytes);
  }

  TransactionReceipt payTokenViaProxy(PaymentReference reference, Address to, BigInteger amount) {
    return payer.send(
        proxy,
        BigInteger.ZERO,
        FeeProxyContract.encodeTransferFromWithReferenceAndFee(
            token.contract(), to, amount, reference.bytes(), BigInteger.ZERO, Address.ZERO));
  }

  TransactionReceipt payEtherViaProxy(PaymentReference reference, Address to, BigInteger wei) {
    return payer.send(
        proxy,
        wei,
        FeeProxyContract.encodeTransferWithReferenceAndFee(
            to, reference.bytes(), BigInteger.ZERO, Address.ZERO));
  }

  TransactionReceipt sendToken(Address to, BigInteger amount) {
    return payer.send(token.contract(), BigInteger.ZERO, transferCall(to, amount));
  }

  TransactionReceipt sendEther(Address to, BigInteger wei) {
    return payer.send(to, wei, "0x");
  }

  /** Calldata of the ERC-20 {@code transfer(to, value)}. */
  static String transferCall(Address to, BigInteger value) {
    return FunctionEncoder.encode(
        new Function(
            "transfer",
            List.of(new org.web3j.abi.datatypes.Address(to.toLowerHex()), new Uint256(value)),
            List.of()));
  }

  /** Calldata of the test token's open {@code mint}, which emits {@code Transfer(0, to, value)}. */
  static String mintCall(Address to, BigInteger value) {
    return FunctionEncoder.encode(
        new Function(
            "mint",
            List.of(new org.web3j.abi.datatypes.Address(to.toLowerHex()), new Uint256(value)),
            List.of()));
  }
}
