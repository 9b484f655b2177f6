package dev.payrelay.bench;

import dev.payrelay.wallet.devchain.DevChainContracts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores and their API keys, written straight into the node's database as the gateway's tests do
 * ({@code TestApiKeys}): keys belong to one store, so {@code POST /v1/api-keys} cannot make a key
 * for another one. The key format and its stored hash are the gateway's {@code ApiKeyToken}'s.
 */
final class BenchStores {

  /** Where the new stores are paid by reference: where the dev node pays its default store. */
  static final String RECEIVING_ADDRESS = DevChainContracts.MERCHANT_ADDRESS.toLowerHex();

  /** {@code pr_<12 base62>_<43 base62>}, as the gateway generates keys. */
  private static final int PREFIX_LENGTH = 12;

  private static final int SECRET_LENGTH = 43;
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** A store and a key that may create its invoices. */
  record StoreKey(UUID storeId, String key) {}

  /** An API key: its prefix (stored), and its whole text, of which only the SHA-256 is stored. */
  record Key(String prefix, String value) {
    byte[] hash() {
      try {
        return MessageDigest.getInstance("SHA-256")
            .digest(value.getBytes(StandardCharsets.US_ASCII));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }
  }

  private BenchStores() {}

  static Key newKey(SecureRandom random) {
    String prefix = base62(random, PREFIX_LENGTH);
    return new Key(prefix, "pr_" + prefix + "_" + base62(random, SECRET_LENGTH));
  }

  /**
   * The default store with {@code adminKey}, then {@code count - 1} new stores, each with a key of
   * scope {@code invoices:write}, paid to {@link #RECEIVING_ADDRESS} by reference.
   */
  static List<StoreKey> make(BenchNode node, int count) throws SQLException {
    SecureRandom random = new SecureRandom();
    List<StoreKey> stores = new ArrayList<>();
    try (Connection c = node.connect()) {
      stores.add(new StoreKey(defaultStore(c), node.adminKey));
      for (int i = 1; i < count; i++) {
        UUID store = newStore(c, "Bench store " + (i + 1));
        Key key = newKey(random);
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO api_keys (store_id, prefix, secret_hash, label, scopes)"
                    + " VALUES (?, ?, ?, 'bench', ARRAY['invoices:write'])")) {
          s.setObject(1, store);
          s.setString(2, key.prefix());
          s.setBytes(3, key.hash());
          s.executeUpdate();
        }
        stores.add(new StoreKey(store, key.value()));
      }
    }
    return stores;
  }

  /** A store with no key, for the baseline's rows. */
  static UUID newStore(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO stores (name, receiving_address) VALUES (?, ?) RETURNING id")) {
      s.setString(1, name);
      s.setString(2, RECEIVING_ADDRESS);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  private static UUID defaultStore(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT id FROM stores WHERE is_default AND receiving_address = ?");
        ResultSet rs = query(s, RECEIVING_ADDRESS)) {
      if (!rs.next()) {
        throw new IllegalStateException("the node's default store is not paid to the dev chain");
      }
      return rs.getObject(1, UUID.class);
    }
  }

  private static ResultSet query(PreparedStatement s, String value) throws SQLException {
    s.setString(1, value);
    return s.executeQuery();
  }

  private static String base62(SecureRandom random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return s.toString();
  }
}
