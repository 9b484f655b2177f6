package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.invoicing.application.InvoiceQuery;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /v1/invoices} ({@code status}, {@code createdFrom}, {@code createdTo},
 * {@code orderId}, {@code limit}, {@code cursor}), checked as the contract describes each. A
 * parameter given twice, or one the contract does not name (a misspelt filter would otherwise list
 * everything), is refused too.
 */
final class ListQueries {

  static final Set<String> PARAMETERS =
      Set.of("status", "createdFrom", "createdTo", "orderId", "limit", "cursor");

  /** The contract's {@code Cursor}: 1 to 512 characters, opaque. */
  static final int MAX_CURSOR_CHARS = 512;

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
  private static final String STATUSES =
      Arrays.stream(InvoiceStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

  private ListQueries() {}

  static InvoiceQuery parse(MultiValueMap<String, String> query) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!PARAMETERS.contains(e.getKey())) {
        errors.add(new FieldError(e.getKey(), "is not a parameter of this list"));
      } else if (e.getValue().size() > 1) {
        errors.add(new FieldError(e.getKey(), "must be given at most once"));
      }
    }
    Optional<InvoiceStatus> status = one(query, "status", ListQueries::status, errors);
    Optional<Instant> from = one(query, "createdFrom", ListQueries::instant, errors);
    Optional<Instant> to = one(query, "createdTo", ListQueries::instant, errors);
    Optional<String> orderId = one(query, "orderId", ListQueries::orderId, errors);
    int limit = one(query, "limit", ListQueries::limit, errors).orElse(InvoiceQuery.DEFAULT_LIMIT);
    Optional<String> cursor = one(query, "cursor", ListQueries::cursor, errors);
    if (!errors.isEmpty()) {
      throw InvoiceProblems.invalid(errors);
    }
    return new InvoiceQuery(status, from, to, orderId, limit, cursor);
  }

  /** The value of {@code name}, if given once and valid; else empty, with an error if invalid. */
  private static <T> Optional<T> one(
      MultiValueMap<String, String> query,
      String name,
      Function<String, T> parser,
      List<FieldError> errors) {
    List<String> values = query.get(name);
    if (values == null || values.size() != 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(values.get(0)));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(name, e.getMessage()));
      return Optional.empty();
    }
  }

  private static InvoiceStatus status(String text) {
    for (InvoiceStatus s : InvoiceStatus.values()) {
      if (s.name().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("must be one of " + STATUSES);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z");
    }
  }

  private static String orderId(String text) {
    if (!ORDER_ID.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be 1 to 100 letters, digits or the characters . _ : -");
    }
    return text;
  }

  private static int limit(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new IllegalArgumentException("must be an integer");
    }
    int limit = Integer.parseInt(text);
    if (limit < 1 || limit > InvoiceQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("must be between 1 and " + InvoiceQuery.MAX_LIMIT);
    }
    return limit;
  }

  private static String cursor(String text) {
    if (text.isEmpty() || text.length() > MAX_CURSOR_CHARS) {
      throw new IllegalArgumentException(
          "must be 1 to " + MAX_CURSOR_CHARS + " characters: pass a nextCursor as given");
    }
    return text;
  }
}
