package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.hd.DepositAddress;
import dev.payrelay.wallet.hd.DepositAddresses;
import dev.payrelay.wallet.hd.ExtendedPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Derives deposit addresses from stores' xpubs, keeping the parsed keys of recent stores. */
final class DepositAddressBook {

  /** Parsed keys kept; the cache starts over beyond this many stores. */
  static final int MAX_CACHED_KEYS = 1024;

  private final Map<String, DepositAddresses> byXpub = new ConcurrentHashMap<>();

  /** The first usable deposit address at or after child {@code index} of {@code xpub}. */
  DepositAddress firstUsable(String xpub, long index) {
    if (index > Integer.MAX_VALUE) {
      throw new InvalidInvoiceException(
          "paymentMethods",
          "the store has used every deposit address of its xpub; configure another account's"
              + " xpub");
    }
    return addresses(xpub).firstUsableFrom((int) index);
  }

  private DepositAddresses addresses(String xpub) {
    DepositAddresses known = byXpub.get(xpub);
    if (known != null) {
      return known;
    }
    DepositAddresses parsed;
    try {
      parsed = DepositAddresses.forAccount(ExtendedPublicKey.parse(xpub));
    } catch (InvalidValueException e) {
      throw new InvalidInvoiceException(
          "paymentMethods",
          "the store's extended public key cannot derive deposit addresses: " + e.getMessage());
    }
    if (byXpub.size() >= MAX_CACHED_KEYS) {
      byXpub.clear();
    }
    byXpub.put(xpub, parsed);
    return parsed;
  }
}
