package dev.payrelay.invoicing.email;

import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Who a store's emails come from: its own sender columns (V7) where set, else the node's default
 * address and the store's name.
 *
 * @param storeName shown in the emails
 */
record StoreSender(String storeName, String address, String displayName, Optional<String> replyTo) {

  /** The store's sender, with {@code defaultAddress} where the store has none. */
  static Mono<StoreSender> load(DatabaseClient db, UUID storeId, String defaultAddress) {
    return db.sql(
            "SELECT name, email_from_address, email_from_name, email_reply_to FROM stores"
                + " WHERE id = :store")
        .bind("store", storeId)
        .map(
            row -> {
              String name = row.get("name", String.class);
              String address = row.get("email_from_address", String.class);
              String displayName = row.get("email_from_name", String.class);
              return new StoreSender(
                  name,
                  address == null ? defaultAddress : address,
                  displayName == null ? name : displayName,
                  Optional.ofNullable(row.get("email_reply_to", String.class)));
            })
        .one();
  }

  /** The domain of the sender's address, for Message-IDs. */
  String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }
}
