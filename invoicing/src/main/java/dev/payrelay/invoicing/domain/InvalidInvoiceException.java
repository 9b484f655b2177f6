package dev.payrelay.invoicing.domain;

import java.util.List;

/** An invoice request breaks one or more rules; nothing was created or changed. */
public class InvalidInvoiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidInvoiceException(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidInvoiceException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      return "the invoice is not valid";
    }
    Violation first = violations.get(0);
    String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
    return first.field() + ": " + first.message() + more;
  }
}
