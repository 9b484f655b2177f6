package dev.payrelay.wallet.rpc;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP {@code Retry-After} header (<a
 * href="https://www.rfc-editor.org/rfc/rfc9110#name-retry-after">RFC 9110 §10.2.3</a>): a number of
 * seconds, or an HTTP date.
 */
final class RetryAfter {

  /** More digits than this is no sane number of seconds; the header is then ignored. */
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");

  private RetryAfter() {}

  /**
   * How long the header asks to wait from {@code now}; empty if absent or unreadable. A date in the
   * past means no wait.
   */
  static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (SECONDS.matcher(value).matches()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
