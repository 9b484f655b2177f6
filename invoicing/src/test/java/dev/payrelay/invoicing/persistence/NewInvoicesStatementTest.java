package dev.payrelay.invoicing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox payloads of a new invoice get its human number from PostgreSQL: the SQL formatting
 * must match {@link Invoice#humanNumber(long)} for every number.
 */
class NewInvoicesStatementTest {

  static Database db;

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh(NewInvoicesStatementTest.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 9, 42, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, Long.MAX_VALUE})
  void formatsTheHumanNumberAsTheDomainDoes(long number) throws SQLException {
    try (Connection c = db.connect()) {
      assertThat(sqlHumanNumber(c, number)).isEqualTo(Invoice.humanNumber(number));
    }
  }

  @Test
  void formatsRandomNumbersAsTheDomainDoes() throws SQLException {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    try (Connection c = db.connect()) {
      for (int i = 0; i < 200; i++) {
        long number = 1 + random.nextLong(1L << random.nextInt(1, 63));
        assertThat(sqlHumanNumber(c, number))
            .as("seed %d, number %d", seed, number)
            .isEqualTo(Invoice.humanNumber(number));
      }
    }
  }

  private static String sqlHumanNumber(Connection c, long number) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + NewInvoicesStatement.HUMAN_NUMBER
                + " FROM (SELECT ?::bigint AS number) n")) {
      s.setLong(1, number);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
