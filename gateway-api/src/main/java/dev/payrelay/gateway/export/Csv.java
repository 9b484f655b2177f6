package dev.payrelay.gateway.export;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * CSV lines as RFC 4180 writes them (CRLF, fields quoted when they hold a comma, quote or line
 * break, quotes doubled), with text that a spreadsheet would run as a formula ({@code =}, {@code
 * +}, {@code -}, {@code @}, tab, carriage return first) prefixed with {@code '} (OWASP, "CSV
 * Injection").
 */
final class Csv {

  static final String CRLF = "\r\n";

  private Csv() {}

  /** One line of the given cells; null is an empty cell. */
  static String line(List<?> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    return out.append(CRLF).toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Instant) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /** {@code baseUnits} of an asset with {@code decimals} as an exact decimal, e.g. 19.99. */
  static String decimal(BigInteger baseUnits, int decimals) {
    BigDecimal value = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
    return value.signum() == 0 ? "0" : value.toPlainString();
  }
}
