package dev.payrelay.gateway.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that Jackson could not read: not JSON at all ({@link ProblemType#MALFORMED_BODY},
 * with the line and column), or JSON that does not fit the request's type: an unknown field, a
 * wrong JSON type, a missing value ({@link ProblemType#VALIDATION}, naming the field by its JSON
 * path, e.g. {@code lineItems[0].quantity}).
 */
final class JsonProblems {

  private JsonProblems() {}

  static Problem of(JacksonException ex, String instance) {
    if (ex instanceof StreamReadException read) {
      return Problem.of(ProblemType.MALFORMED_BODY, notJson(read), instance);
    }
    if (!(ex instanceof DatabindException bind)) {
      return Problem.of(ProblemType.MALFORMED_BODY, "The request body is not valid JSON", instance);
    }
    String field = path(bind.getPath());
    if (ex instanceof MismatchedInputException && startsWith(ex, "No content to map")) {
      return Problem.of(
          ProblemType.MALFORMED_BODY, "The request body is empty: send a JSON object", instance);
    }
    if (ex instanceof MismatchedInputException && startsWith(ex, "Trailing token")) {
      return Problem.of(
          ProblemType.MALFORMED_BODY,
          "The request body has more after its JSON value: send one JSON object",
          instance);
    }
    List<FieldError> errors = List.of(new FieldError(field, message(bind)));
    return Problem.of(ProblemType.VALIDATION, ValidationProblems.detail(errors), instance)
        .withErrors(errors);
  }

  private static String message(DatabindException ex) {
    if (ex instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (ex instanceof InvalidNullException) {
      return "must not be null";
    }
    if (ex instanceof MismatchedInputException mismatch) {
      return mismatch.getCurrentToken() == JsonToken.VALUE_NULL
          ? "must not be null"
          : mustBe(mismatch.getTargetType());
    }
    Throwable cause = ex.getCause();
    if (cause instanceof ApiProblemException problem) {
      return problem.detail();
    }
    if (cause instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
      return invalid.getMessage();
    }
    return "is not valid";
  }

  /** What JSON a value of {@code type} is, as a message about the value sent instead. */
  private static String mustBe(Class<?> type) {
    if (type == null) {
      return "is not valid";
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return "must be a string";
    }
    if (type == BigDecimal.class
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "must be a number";
    }
    if (type == BigInteger.class
        || type.isPrimitive() && type != boolean.class
        || Number.class.isAssignableFrom(type)) {
      return "must be an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    if (type.isEnum()) {
      return "is not one of the allowed values";
    }
    String other = InputProblems.mustBe(type);
    if (!other.equals("is not valid")) {
      return other;
    }
    return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")
        ? "must be an object"
        : "is not valid";
  }

  /** {@code [lineItems, 0, quantity]} → {@code lineItems[0].quantity}. */
  static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : references) {
      if (ref.getPropertyName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean startsWith(JacksonException ex, String prefix) {
    String message = ex.getOriginalMessage();
    return message != null && message.startsWith(prefix);
  }

  private static String notJson(StreamReadException ex) {
    String what = ex.getOriginalMessage();
    if (what != null) {
      what = what.lines().findFirst().orElse("");
      what = Problem.abbreviate(what, 200);
    }
    TokenStreamLocation at = ex.getLocation();
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return "The request body is not valid JSON" + where + (what == null ? "" : ": " + what);
  }
}
