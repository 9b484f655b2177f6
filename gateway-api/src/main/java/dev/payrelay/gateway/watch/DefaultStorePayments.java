package dev.payrelay.gateway.watch;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.gateway.config.PayRelayProperties.DefaultStoreProperties;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.hd.ExtendedPublicKey;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code payrelay.default-store.*} into the default store when the node is ready (after the
 * store exists), before the watchers start. On the dev chain, unset values default to anvil's
 * well-known accounts, so invoices can be paid there with no configuration.
 */
@Component
class DefaultStorePayments {

  private static final Logger log = LoggerFactory.getLogger(DefaultStorePayments.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String DEV_CHAIN = "devchain";

  private final PayRelayProperties properties;
  private final Chains chains;
  private final DatabaseClient db;

  DefaultStorePayments(PayRelayProperties properties, Chains chains, DatabaseClient db) {
    this.properties = properties;
    this.chains = chains;
    this.db = db;
  }

  @EventListener
  @Order(0)
  void ready(ApplicationReadyEvent event) {
    DefaultStoreProperties configured = properties.defaultStore();
    boolean devChain =
        properties.chains().isEmpty()
            && chains.all().stream().anyMatch(c -> c.name().equals(DEV_CHAIN));
    String address = configured.receivingAddress();
    String xpub = configured.xpub();
    if (devChain) {
      address = address != null ? address : DevChainContracts.MERCHANT_ADDRESS.toChecksumString();
      xpub = xpub != null ? xpub : DevChainContracts.ACCOUNT_XPUB;
    }
    if (address != null) {
      String normalized = parse("payrelay.default-store.receiving-address", address);
      db.sql("UPDATE stores SET receiving_address = :a WHERE is_default")
          .bind("a", normalized)
          .then()
          .block(TIMEOUT);
    }
    if (xpub != null) {
      checkXpub(xpub);
      db.sql("UPDATE stores SET xpub = :x WHERE is_default")
          .bind("x", xpub.strip())
          .then()
          .block(TIMEOUT);
    }
    if (address != null || xpub != null) {
      log.info(
          "Default store is paid to {}{}",
          address == null ? "(receiving address unchanged)" : address,
          xpub == null ? "" : " and to deposit addresses of its configured xpub");
    }
  }

  private static String parse(String property, String value) {
    try {
      return Address.parse(value.strip()).toLowerHex();
    } catch (InvalidValueException e) {
      throw new InvalidStoreConfigurationException(property + ": " + e.getMessage(), e);
    }
  }

  private static void checkXpub(String xpub) {
    try {
      ExtendedPublicKey.parse(xpub.strip());
    } catch (InvalidValueException e) {
      throw new InvalidStoreConfigurationException(
          "payrelay.default-store.xpub: " + e.getMessage(), e);
    }
  }
}
