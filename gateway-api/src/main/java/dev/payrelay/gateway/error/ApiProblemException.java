package dev.payrelay.gateway.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the API answers as {@code application/problem+json}: thrown (or signalled) anywhere in
 * request handling, turned into the answer by the one problem handler ({@link
 * ProblemExceptionHandler}).
 *
 * <p>Its {@link #detail()} is shown to the client as it is: say what was wrong with the request,
 * never what went wrong inside the node. Headers the answer needs (e.g. {@code Retry-After}) come
 * with {@link #withHeader}.
 */
public class ApiProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<FieldError> errors;
  private final transient Map<String, String> headers;

  public ApiProblemException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ApiProblemException(ProblemType type, String detail, List<FieldError> errors) {
    this(type, detail, errors, Map.of(), null);
  }

  /** With a cause, logged by the handler for 5xx types and never shown to the client. */
  public ApiProblemException(ProblemType type, String detail, Throwable cause) {
    this(type, detail, List.of(), Map.of(), cause);
  }

  private ApiProblemException(
      ProblemType type,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers,
      Throwable cause) {
    super(detail, cause);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public ProblemType type() {
    return type;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Response headers the answer carries, e.g. {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The same problem, answered with one more response header. */
  public ApiProblemException withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiProblemException(type, detail(), errors, more, getCause());
  }

  public static ApiProblemException validation(String detail, List<FieldError> errors) {
    return new ApiProblemException(ProblemType.VALIDATION, detail, errors);
  }

  /** A validation problem with one field, e.g. {@code ("lineItems[0].quantity", "must be > 0")}. */
  public static ApiProblemException invalidField(String field, String message) {
    return validation(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public static ApiProblemException notFound(String detail) {
    return new ApiProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ApiProblemException conflict(String detail) {
    return new ApiProblemException(ProblemType.CONFLICT, detail);
  }
}
