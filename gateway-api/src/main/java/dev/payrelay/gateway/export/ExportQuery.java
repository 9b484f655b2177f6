package dev.payrelay.gateway.export;

import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The query of {@code GET /v1/invoices/export}: what each row is ({@code rows}) and the filters of
 * the invoice list ({@code status}, {@code createdFrom}, {@code createdTo}, {@code orderId}). An
 * unknown or repeated parameter is refused, as in the list.
 *
 * @param status lower case, as stored; null for any
 */
record ExportQuery(
    boolean payments, String status, Instant createdFrom, Instant createdTo, String orderId) {

  static final Set<String> PARAMETERS =
      Set.of("rows", "status", "createdFrom", "createdTo", "orderId");

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  static ExportQuery parse(MultiValueMap<String, String> query) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!PARAMETERS.contains(e.getKey())) {
        errors.add(new FieldError(e.getKey(), "is not a parameter of this export"));
      } else if (e.getValue().size() > 1) {
        errors.add(new FieldError(e.getKey(), "must be given at most once"));
      }
    }
    String rows = query.getFirst("rows");
    if (rows != null && !rows.equals("invoices") && !rows.equals("payments")) {
      errors.add(new FieldError("rows", "must be invoices or payments"));
    }
    String status = query.getFirst("status");
    if (status != null) {
      try {
        status = InvoiceStatus.valueOf(status).name().toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("status", "must be one of OPEN, PROCESSING, PAID, EXPIRED, VOID"));
      }
    }
    Instant from = instant(query.getFirst("createdFrom"), "createdFrom", errors);
    Instant to = instant(query.getFirst("createdTo"), "createdTo", errors);
    String orderId = query.getFirst("orderId");
    if (orderId != null && !ORDER_ID.matcher(orderId).matches()) {
      errors.add(
          new FieldError("orderId", "must be 1 to 100 letters, digits or the characters . _ : -"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblemException.validation(
          errors.size() == 1
              ? "1 parameter is not valid"
              : errors.size() + " parameters are not valid",
          errors);
    }
    return new ExportQuery("payments".equals(rows), status, from, to, orderId);
  }

  private static Instant instant(String text, String field, List<FieldError> errors) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(field, "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z"));
      return null;
    }
  }
}
