package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.Address;

/**
 * A deposit address and the index {@code i} of {@code m/44'/60'/account'/0/i} it was derived at;
 * store the index with the invoice, the merchant's wallet needs it to spend.
 */
public record DepositAddress(int index, Address address) {}
