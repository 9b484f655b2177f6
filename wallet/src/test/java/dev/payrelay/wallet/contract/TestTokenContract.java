package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * The test ERC-20 ({@code wallet/src/test/solidity/TestToken.sol}), deployed and driven by tests.
 */
final class TestTokenContract {

  static final String ARTIFACT_RESOURCE = "contracts/TestToken.json";

  /** How the token's transfer functions answer; the ordinals match the Solidity enum. */
  enum Behaviour {
    STANDARD,
    RETURNS_NOTHING,
    RETURNS_FALSE
  }

  private final Eip1559Sender owner;
  private final Address address;

  private TestTokenContract(Eip1559Sender owner, Address address) {
    this.owner = owner;
    this.address = address;
  }

  /** Deploys a new token from {@code owner}'s account. */
  static TestTokenContract deploy(Eip1559Sender owner, String name, String symbol, int decimals) {
    ContractArtifact artifact = ContractArtifact.load(ARTIFACT_RESOURCE);
    String constructorArgs =
        FunctionEncoder.encodeConstructor(
            List.of(new Utf8String(name), new Utf8String(symbol), new Uint8(decimals)));
    byte[] initCode =
        Numeric.hexStringToByteArray(
            Numeric.toHexString(artifact.bytecode()) + Numeric.cleanHexPrefix(constructorArgs));
    return new TestTokenContract(owner, owner.deploy(initCode));
  }

  Address address() {
    return address;
  }

  void mint(Address to, BigInteger value) {
    owner.send(address, BigInteger.ZERO, call("mint", addr(to), new Uint256(value)));
  }

  void setBehaviour(Behaviour behaviour) {
    owner.send(address, BigInteger.ZERO, call("setBehaviour", new Uint8(behaviour.ordinal())));
  }

  /** Calldata of {@code approve(spender, value)}, to send from the payer's own sender. */
  static String approve(Address spender, BigInteger value) {
    return call("approve", addr(spender), new Uint256(value));
  }

  BigInteger balanceOf(Web3j web3j, Address holder) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "balanceOf", List.of(addr(holder)), List.of(new TypeReference<Uint256>() {})));
    try {
      String result =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(null, address.toLowerHex(), data),
                  DefaultBlockParameterName.LATEST)
              .send()
              .getValue();
      return Numeric.toBigInt(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("rawtypes") // web3j's Function takes a List<Type>
  private static String call(String name, Type... args) {
    return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
  }

  private static org.web3j.abi.datatypes.Address addr(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toLowerHex());
  }
}
