package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * A mined transaction as its receipt places it.
 *
 * @param blockHash lower-case {@code 0x…}
 * @param transaction the transaction itself (for its ETH value and recipient), if the node gave it
 */
record MinedTx(
    ChainId chain,
    TxHash tx,
    long blockNumber,
    String blockHash,
    Optional<Transaction> transaction) {}
