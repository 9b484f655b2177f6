package dev.payrelay.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

/**
 * The real migrations (db/migrations) on a real PostgreSQL. Each test runs in a transaction that is
 * rolled back, on a database migrated once for this class.
 */
class MigrationsTest {

  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String CHECK_VIOLATION = "23514";

  private static Database database;
  private Connection connection;

  @BeforeAll
  static void migrateOnce() {
    database = TestDatabase.fresh(MigrationsTest.class);
    database.migrate();
  }

  @BeforeEach
  void beginTransaction() throws SQLException {
    connection = database.connect();
    connection.setAutoCommit(false);
  }

  @AfterEach
  void rollBack() throws SQLException {
    connection.rollback();
    connection.close();
  }

  @Test
  void migratingAFreshDatabaseAppliesV1AndCreatesTheFoundationTables() throws SQLException {
    Database fresh = TestDatabase.fresh("migrations_fresh");

    int applied = fresh.migrate();

    try (Connection freshConnection = fresh.connect()) {
      List<String> history =
          strings(
              freshConnection,
              "SELECT version || ' ' || description || ' ' || success FROM flyway_schema_history"
                  + " WHERE version IS NOT NULL ORDER BY installed_rank");
      assertThat(history).hasSize(applied).startsWith("1 foundation true");
      assertThat(
              strings(
                  freshConnection,
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
          .contains("node_settings", "stores", "api_keys", "outbox");
    }
  }

  @Test
  void migratingAgainAppliesNothing() {
    assertThat(database.migrate()).isZero();
  }

  @Test
  void anApiKeyForAnUnknownStoreIsRejected() throws SQLException {
    insertApiKey(insertStore(false), "pr_live_known");

    assertRejected(
        () -> insertApiKey(UUID.randomUUID(), "pr_live_unknown"),
        FOREIGN_KEY_VIOLATION,
        "api_keys_store_id_fkey");
  }

  @Test
  void onlyOneStoreIsTheDefault() throws SQLException {
    insertStore(false);
    insertStore(false);
    insertStore(true);

    assertRejected(() -> insertStore(true), UNIQUE_VIOLATION, "stores_one_default");
  }

  @Test
  void twoApiKeysCannotShareAPrefix() throws SQLException {
    UUID store = insertStore(false);
    insertApiKey(store, "pr_live_abcdefgh");

    assertRejected(
        () -> insertApiKey(insertStore(false), "pr_live_abcdefgh"),
        UNIQUE_VIOLATION,
        "api_keys_prefix_key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook", "email", "gossip"})
  void theOutboxAcceptsEveryKnownChannel(String channel) {
    assertThatCode(() -> insertOutboxEvent(UUID.randomUUID(), channel)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sms", "Webhook", "webhook ", ""})
  void theOutboxRejectsAnyOtherChannel(String channel) {
    assertRejected(
        () -> insertOutboxEvent(UUID.randomUUID(), channel),
        CHECK_VIOLATION,
        "outbox_channel_check");
  }

  @Test
  void anOutboxEventIdIsUnique() throws SQLException {
    UUID eventId = UUID.randomUUID();
    insertOutboxEvent(eventId, "webhook");

    assertRejected(
        () -> insertOutboxEvent(eventId, "email"), UNIQUE_VIOLATION, "outbox_event_id_key");
  }

  @ParameterizedTest
  @MethodSource("wellFormedSettingNames")
  void aWellFormedSettingNameIsAccepted(String name) {
    assertThatCode(() -> insertSetting(name)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("malformedSettingNames")
  void aSettingNameWithBadCharactersIsRejected(String name) {
    assertRejected(() -> insertSetting(name), CHECK_VIOLATION, "node_settings_name_check");
  }

  @Test
  void twoFreshDatabasesAreIsolated() throws SQLException {
    Database first = TestDatabase.fresh("isolation");
    Database second = TestDatabase.fresh("isolation");
    first.migrate();
    second.migrate();

    try (Connection one = first.connect();
        Connection other = second.connect()) {
      execute(one, "INSERT INTO node_settings (name, value) VALUES ('isolation.probe', 'here')");

      String count = "SELECT count(*) FROM node_settings WHERE name = 'isolation.probe'";
      assertThat(strings(one, count)).containsExactly("1");
      assertThat(strings(other, count)).containsExactly("0");
    }
  }

  static Stream<String> wellFormedSettingNames() {
    return Stream.of("a", "node.first_start-at", "schema.v1", "x".repeat(100));
  }

  static Stream<String> malformedSettingNames() {
    return Stream.of(
        "",
        "Upper",
        "1leading_digit",
        "_leading_underscore",
        "has space",
        "semi;colon",
        "quote'",
        "ünicode",
        "x".repeat(101));
  }

  private UUID insertStore(boolean isDefault) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO stores (name, is_default) VALUES ('Test store', ?) RETURNING id")) {
      insert.setBoolean(1, isDefault);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getObject(1, UUID.class);
      }
    }
  }

  private void insertApiKey(UUID storeId, String prefix) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO api_keys (store_id, prefix, secret_hash, scopes) VALUES (?, ?, ?, ?)")) {
      insert.setObject(1, storeId);
      insert.setString(2, prefix);
      insert.setBytes(3, new byte[32]);
      insert.setArray(4, connection.createArrayOf("text", new String[] {"invoices:read"}));
      insert.executeUpdate();
    }
  }

  private void insertOutboxEvent(UUID eventId, String channel) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO outbox (event_id, channel, event_type, ordering_key, payload)"
                + " VALUES (?, ?, 'invoice.created', 'invoice-1', '{}'::jsonb)")) {
      insert.setObject(1, eventId);
      insert.setString(2, channel);
      insert.executeUpdate();
    }
  }

  private void insertSetting(String name) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO node_settings (name, value) VALUES (?, 'v')")) {
      insert.setString(1, name);
      insert.executeUpdate();
    }
  }

  private static void assertRejected(ThrowingCallable insert, String sqlState, String constraint) {
    assertThatThrownBy(insert)
        .isInstanceOfSatisfying(
            PSQLException.class,
            e -> {
              assertThat(e.getSQLState()).isEqualTo(sqlState);
              assertThat(e.getServerErrorMessage()).isNotNull();
              assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
            });
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> strings(Connection connection, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
