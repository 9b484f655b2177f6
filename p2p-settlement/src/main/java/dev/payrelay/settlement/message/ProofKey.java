package dev.payrelay.settlement.message;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import java.util.OptionalLong;

/** The identity of a payment proof for deduplication: (chain, tx, log index, invoice). */
public record ProofKey(ChainId chain, TxHash tx, OptionalLong logIndex, InvoiceRef invoice) {}
