package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.contract.ContractArtifact;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The test ERC-20 ({@code wallet/src/test/solidity/TestToken.sol}) on the dev chain: deployment and
 * the calldata of the calls tests make. Anyone may mint it.
 */
public final class TestTokens {

  /** {@code Transfer(address,address,uint256)}'s topic0. */
  public static final String TRANSFER_TOPIC =
      EventEncoder.encode(
          new Event(
              "Transfer",
              List.of(
                  new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                  new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                  new TypeReference<Uint256>() {})));

  /** {@code Approval(address,address,uint256)}'s topic0. */
  public static final String APPROVAL_TOPIC =
      EventEncoder.encode(
          new Event(
              "Approval",
              List.of(
                  new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                  new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                  new TypeReference<Uint256>() {})));

  private static final ContractArtifact ARTIFACT =
      ContractArtifact.load("contracts/TestToken.json");

  private TestTokens() {}

  /** Deploys a new token with {@code decimals} from {@code sender}'s account. */
  public static Address deploy(Eip1559Sender sender, String symbol, int decimals) {
    String arguments =
        FunctionEncoder.encodeConstructor(
            List.<Type>of(
                new Utf8String("Test " + symbol),
                new Utf8String(symbol),
                new Uint8(BigInteger.valueOf(decimals))));
    ByteArrayOutputStream initCode = new ByteArrayOutputStream();
    initCode.writeBytes(ARTIFACT.bytecode());
    initCode.writeBytes(Hex.decode("0x" + arguments, "constructor arguments"));
    return sender.deploy(initCode.toByteArray());
  }

  public static String mint(Address to, BigInteger value) {
    return call("mint", to, value);
  }

  public static String approve(Address spender, BigInteger value) {
    return call("approve", spender, value);
  }

  public static String transfer(Address to, BigInteger value) {
    return call("transfer", to, value);
  }

  private static String call(String name, Address address, BigInteger value) {
    return FunctionEncoder.encode(
        new Function(
            name,
            List.<Type>of(
                new org.web3j.abi.datatypes.Address(address.toLowerHex()), new Uint256(value)),
            List.of()));
  }
}
