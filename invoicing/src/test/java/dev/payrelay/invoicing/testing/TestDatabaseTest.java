package dev.payrelay.invoicing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void namesAreLowerCaseIdentifiersThatFitPostgresLimit() {
    String name =
        TestDatabase.databaseName("MigrationsTest$Nested: über-long " + "x".repeat(80), 7);

    assertThat(name)
        .matches("t_[a-z0-9_]+_7")
        .startsWith("t_migrationstest_nested_ber_long_x")
        .hasSizeLessThanOrEqualTo(63);
  }

  @Test
  void aLabelWithoutLettersOrDigitsStillGivesAValidName() {
    assertThat(TestDatabase.databaseName("$$$", 1)).matches("t_db_[a-z0-9]{5}_1");
  }

  @Test
  void freshDatabaseIsEmptyAndReachableThroughItsUrls() throws SQLException {
    Database database = TestDatabase.fresh(TestDatabaseTest.class);

    assertThat(database.r2dbcUrl())
        .startsWith("r2dbc:postgresql://")
        .endsWith("/" + database.name());
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT current_database(), (SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'public')")) {
      result.next();
      assertThat(result.getString(1)).isEqualTo(database.name());
      assertThat(result.getLong(2)).isZero();
    }
  }

  @Test
  void everyCallCreatesAnotherDatabase() {
    assertThat(TestDatabase.fresh("same").name()).isNotEqualTo(TestDatabase.fresh("same").name());
  }
}
