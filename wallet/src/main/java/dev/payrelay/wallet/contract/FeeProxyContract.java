package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * PayRelay's payment proxy ({@code wallet/src/main/solidity/PayRelayFeeProxy.sol}): its artifact,
 * its deployment, and the calldata of its two payment functions, which have the signatures of
 * Request Network's ERC20FeeProxy and EthereumFeeProxy so the same calls work on their deployments.
 */
public final class FeeProxyContract {

  /** The artifact on the classpath. */
  public static final String ARTIFACT_RESOURCE = "contracts/PayRelayFeeProxy.json";

  /** Pays an ERC-20 token through {@code transferFrom}: the payer approves the proxy first. */
  public static final String ERC20_FUNCTION = "transferFromWithReferenceAndFee";

  /** Pays ETH: {@code msg.value - feeAmount} to the payee, {@code feeAmount} to the fee address. */
  public static final String ETHER_FUNCTION = "transferWithReferenceAndFee";

  /** {@code transferFromWithReferenceAndFee(address,address,uint256,bytes,uint256,address)}. */
  public static final String ERC20_FUNCTION_SIGNATURE =
      ERC20_FUNCTION + "(address,address,uint256,bytes,uint256,address)";

  /** {@code transferWithReferenceAndFee(address,bytes,uint256,address)}. */
  public static final String ETHER_FUNCTION_SIGNATURE =
      ETHER_FUNCTION + "(address,bytes,uint256,address)";

  private FeeProxyContract() {}

  /** The compiled proxy, loaded once. */
  public static ContractArtifact artifact() {
    return Holder.ARTIFACT;
  }

  /**
   * Deploys a new proxy from {@code credentials} on the chain behind {@code web3j} (which must
   * answer {@code chainId}) and returns its address. For the dev chain and tests: blocking.
   */
  public static Address deploy(Web3j web3j, Credentials credentials, ChainId chainId) {
    return new Eip1559Sender(web3j, credentials, chainId).deploy(artifact().bytecode());
  }

  /**
   * The calldata of {@code transferFromWithReferenceAndFee}: moves {@code amount} of {@code token}
   * from the caller to {@code to} and {@code feeAmount} to {@code feeAddress}.
   */
  @SuppressWarnings("rawtypes")
  public static String encodeTransferFromWithReferenceAndFee(
      Address token,
      Address to,
      BigInteger amount,
      byte[] paymentReference,
      BigInteger feeAmount,
      Address feeAddress) {
    return encode(
        ERC20_FUNCTION,
        List.<Type>of(
            abiAddress(token, "token"),
            abiAddress(to, "recipient"),
            uint256(amount, "amount"),
            reference(paymentReference),
            uint256(feeAmount, "fee amount"),
            abiAddress(feeAddress, "fee address")));
  }

  /**
   * The calldata of {@code transferWithReferenceAndFee}; send it with {@code value} = amount +
   * {@code feeAmount} wei.
   */
  @SuppressWarnings("rawtypes")
  public static String encodeTransferWithReferenceAndFee(
      Address to, byte[] paymentReference, BigInteger feeAmount, Address feeAddress) {
    return encode(
        ETHER_FUNCTION,
        List.<Type>of(
            abiAddress(to, "recipient"),
            reference(paymentReference),
            uint256(feeAmount, "fee amount"),
            abiAddress(feeAddress, "fee address")));
  }

  @SuppressWarnings("rawtypes") // web3j's Function takes a List<Type>
  static String encode(String name, List<Type> arguments) {
    return FunctionEncoder.encode(new Function(name, arguments, List.of()));
  }

  static org.web3j.abi.datatypes.Address abiAddress(Address address, String what) {
    if (address == null) {
      throw new InvalidValueException("the " + what + " is missing");
    }
    return new org.web3j.abi.datatypes.Address(address.toLowerHex());
  }

  static Uint256 uint256(BigInteger value, String what) {
    if (value == null || value.signum() < 0 || value.compareTo(TokenAmount.MAX_UINT256) > 0) {
      throw new InvalidValueException("the " + what + " must be a uint256, got " + value);
    }
    return new Uint256(value);
  }

  private static DynamicBytes reference(byte[] paymentReference) {
    if (paymentReference == null || paymentReference.length == 0) {
      throw new InvalidValueException("a payment reference is missing");
    }
    return new DynamicBytes(paymentReference.clone());
  }

  private static final class Holder {
    static final ContractArtifact ARTIFACT = ContractArtifact.load(ARTIFACT_RESOURCE);
  }
}
