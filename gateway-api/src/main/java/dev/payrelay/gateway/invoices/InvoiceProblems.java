package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.invoicing.application.InvoiceStateException;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The invoice use cases' errors as API problems: an {@link InvalidInvoiceException} is a {@code
 * validation} problem with the same field paths, an {@link InvoiceStateException} a {@code
 * conflict}; an invoice the caller's store does not have is {@code not-found}, whoever has it.
 */
final class InvoiceProblems {

  /** A UUID as the contract writes it (format {@code uuid}): 8-4-4-4-12 hex digits. */
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private InvoiceProblems() {}

  /** For {@code onErrorMap}: the use cases' exceptions as problems, anything else unchanged. */
  static Throwable translate(Throwable e) {
    if (e instanceof InvalidInvoiceException invalid) {
      return invalid(
          invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }
    if (e instanceof InvoiceStateException state) {
      return ApiProblemException.conflict(state.getMessage());
    }
    return e;
  }

  static ApiProblemException invalid(List<FieldError> errors) {
    return ApiProblemException.validation(detail(errors), errors);
  }

  static ApiProblemException notFound(UUID invoiceId) {
    return ApiProblemException.notFound("This store has no invoice " + invoiceId);
  }

  /** The {@code invoiceId} path parameter, or a {@code validation} problem naming it. */
  static UUID invoiceId(String text) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      throw ApiProblemException.invalidField("invoiceId", "must be a UUID");
    }
    return UUID.fromString(text);
  }

  /** {@code lineItems[0].quantity: must be greater than 0}, or a count and the fields. */
  private static String detail(List<FieldError> errors) {
    if (errors.size() == 1) {
      FieldError e = errors.get(0);
      return e.field().isEmpty() ? e.message() : e.field() + ": " + e.message();
    }
    List<String> fields =
        errors.stream().map(FieldError::field).filter(f -> !f.isEmpty()).distinct().toList();
    return errors.size()
        + " problems with the request: "
        + String.join(", ", fields.subList(0, Math.min(fields.size(), 20)))
        + (fields.size() > 20 ? ", …" : "");
  }
}
