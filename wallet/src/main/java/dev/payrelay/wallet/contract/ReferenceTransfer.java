package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.TxHash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded {@code TransferWithReferenceAndFee} event.
 *
 * <p>Anyone can deploy a contract that emits this event: trust it only if {@link #proxy()} is a
 * proxy the store configured (or ours, deployed by the node). The event says what the proxy moved,
 * not that a token is genuine: check {@link #tokenOrNullForEth()} against the invoice's asset.
 *
 * @param proxy the contract that emitted the log
 * @param tokenOrNullForEth the ERC-20 contract, or {@code null} for ETH (address(0) in our proxy's
 *     event; absent from EthereumFeeProxy's)
 * @param to the payee
 * @param amount what the payee received, in the asset's base units (the fee excluded)
 * @param referenceTopicHash keccak256 of the payment reference bytes (the indexed topic 1)
 * @param feeAmount the fee, in the same asset
 * @param feeAddress who received the fee
 * @param logIndex the log's index in its block
 * @param blockHash lower-case {@code 0x…} hash of the block that holds the log
 */
public record ReferenceTransfer(
    Address proxy,
    Address tokenOrNullForEth,
    Address to,
    BigInteger amount,
    byte[] referenceTopicHash,
    BigInteger feeAmount,
    Address feeAddress,
    TxHash tx,
    long logIndex,
    long blockNumber,
    String blockHash) {

  public ReferenceTransfer {
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(feeAmount, "feeAmount");
    Objects.requireNonNull(feeAddress, "feeAddress");
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(blockHash, "blockHash");
    if (referenceTopicHash == null || referenceTopicHash.length != 32) {
      throw new IllegalArgumentException("a reference topic hash is 32 bytes");
    }
    referenceTopicHash = referenceTopicHash.clone();
  }

  /** Whether this pays in ETH (the chain's native coin) rather than a token. */
  public boolean isEther() {
    return tokenOrNullForEth == null;
  }

  /** Whether the event carries {@code topicHash} (keccak256 of a payment reference). */
  public boolean hasReferenceTopic(byte[] topicHash) {
    return Arrays.equals(referenceTopicHash, topicHash);
  }

  @Override
  public byte[] referenceTopicHash() {
    return referenceTopicHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceTransfer other
        && proxy.equals(other.proxy)
        && Objects.equals(tokenOrNullForEth, other.tokenOrNullForEth)
        && to.equals(other.to)
        && amount.equals(other.amount)
        && Arrays.equals(referenceTopicHash, other.referenceTopicHash)
        && feeAmount.equals(other.feeAmount)
        && feeAddress.equals(other.feeAddress)
        && tx.equals(other.tx)
        && logIndex == other.logIndex
        && blockNumber == other.blockNumber
        && blockHash.equals(other.blockHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tx, logIndex, blockHash, to, amount) * 31
        + Arrays.hashCode(referenceTopicHash);
  }

  @Override
  public String toString() {
    return "ReferenceTransfer["
        + (isEther() ? "ETH" : tokenOrNullForEth)
        + " "
        + amount
        + " to "
        + to
        + ", fee "
        + feeAmount
        + " to "
        + feeAddress
        + ", reference topic "
        + Hex.encode(referenceTopicHash)
        + ", proxy "
        + proxy
        + ", "
        + tx
        + "#"
        + logIndex
        + " in block "
        + blockNumber
        + " "
        + blockHash
        + "]";
  }
}
