package dev.payrelay.gateway.auth;

import dev.payrelay.invoicing.testing.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/** Stores and API keys written straight into a test database, e.g. a second store for isolation. */
public final class TestApiKeys {

  private static final SecureRandom random = new SecureRandom();

  /** A store with one API key. */
  public record StoreKey(UUID storeId, UUID keyId, String key) {}

  private TestApiKeys() {}

  /** The id of the default store (made at start-up). */
  public static UUID defaultStore(Database db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement("SELECT id FROM stores WHERE is_default");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no default store in " + db);
      }
      return rs.getObject(1, UUID.class);
    }
  }

  /** Creates a (non-default) store named {@code name} with a key holding {@code scopes}. */
  public static StoreKey newStore(Database db, String name, Scope... scopes) throws SQLException {
    try (Connection c = db.connect()) {
      UUID store;
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO stores (name) VALUES (?) RETURNING id")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          store = rs.getObject(1, UUID.class);
        }
      }
      return addKey(c, store, scopes);
    }
  }

  /** Adds a key holding {@code scopes} to {@code store}. */
  public static StoreKey addKey(Database db, UUID store, Scope... scopes) throws SQLException {
    try (Connection c = db.connect()) {
      return addKey(c, store, scopes);
    }
  }

  private static StoreKey addKey(Connection c, UUID store, Scope... scopes) throws SQLException {
    ApiKeyToken token = ApiKeyToken.generate(random);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO api_keys (store_id, prefix, secret_hash, label, scopes)"
                + " VALUES (?, ?, ?, 'test', ?) RETURNING id")) {
      s.setObject(1, store);
      s.setString(2, token.prefix());
      s.setBytes(3, token.hash());
      s.setArray(4, c.createArrayOf("text", Arrays.stream(scopes).map(Scope::value).toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new StoreKey(store, rs.getObject(1, UUID.class), token.value());
      }
    }
  }
}
