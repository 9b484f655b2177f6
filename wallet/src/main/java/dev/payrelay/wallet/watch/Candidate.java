package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.TxHash;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A movement of value found in a block, before it is matched to any invoice: decoded from a log or
 * a transaction, free of web3j types.
 */
sealed interface Candidate {

  TxHash tx();

  /** The log index, or {@code Transfer.NATIVE_VALUE} for a transaction's value. */
  long logIndex();

  long blockNumber();

  String blockHash();

  /** The ERC-20 contract, or {@code null} for the chain's native coin. */
  Address tokenOrNull();

  Address to();

  BigInteger amount();

  /** A trusted proxy's {@code TransferWithReferenceAndFee}: matched by reference topic. */
  record ViaProxy(
      TxHash tx,
      long logIndex,
      long blockNumber,
      String blockHash,
      Address tokenOrNull,
      Address to,
      BigInteger amount,
      String referenceTopic)
      implements Candidate {
    public ViaProxy {
      Objects.requireNonNull(referenceTopic, "referenceTopic");
    }
  }

  /** An ERC-20 {@code Transfer} or a plain ETH transaction: matched by destination address. */
  record Direct(
      TxHash tx,
      long logIndex,
      long blockNumber,
      String blockHash,
      Address tokenOrNull,
      Address to,
      BigInteger amount)
      implements Candidate {}
}
