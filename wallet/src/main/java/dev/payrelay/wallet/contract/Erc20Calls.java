package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;

/**
 * Calldata of the two ERC-20 calls a buyer's wallet makes (<a
 * href="https://eips.ethereum.org/EIPS/eip-20">EIP-20</a>): {@code approve} before paying a token
 * through a proxy, and {@code transfer} to a deposit address; ABI-encoded as hex with {@code 0x}.
 */
public final class Erc20Calls {

  public static final String APPROVE_SIGNATURE = "approve(address,uint256)";
  public static final String TRANSFER_SIGNATURE = "transfer(address,uint256)";

  private Erc20Calls() {}

  /** {@code approve(spender, amount)}. */
  @SuppressWarnings("rawtypes") // web3j's Function takes a List<Type>
  public static String approve(Address spender, BigInteger amount) {
    return FeeProxyContract.encode(
        "approve",
        List.<Type>of(
            FeeProxyContract.abiAddress(spender, "spender"),
            FeeProxyContract.uint256(amount, "amount")));
  }

  /** {@code transfer(to, amount)}. */
  @SuppressWarnings("rawtypes")
  public static String transfer(Address to, BigInteger amount) {
    return FeeProxyContract.encode(
        "transfer",
        List.<Type>of(
            FeeProxyContract.abiAddress(to, "recipient"),
            FeeProxyContract.uint256(amount, "amount")));
  }

  /** The 4-byte selector of a function signature, {@code 0x} and 8 hex digits. */
  public static String selector(String signature) {
    byte[] hash = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
    return "0x" + HexFormat.of().formatHex(hash, 0, 4);
  }
}
