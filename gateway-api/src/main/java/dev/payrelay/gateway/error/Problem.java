package dev.payrelay.gateway.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer of the problem handler, before it is written: schema {@code Problem} of the contract.
 *
 * @param instance the request's path
 * @param errorId for 5xx answers, the id under which the failure was logged; otherwise null
 * @param headers response headers the answer carries (e.g. {@code Allow} for a 405)
 */
record Problem(
    ProblemType type,
    String detail,
    String instance,
    List<FieldError> errors,
    String errorId,
    Map<String, String> headers) {

  /** The longest {@code detail} the contract allows; longer ones are cut. */
  static final int MAX_DETAIL_CHARS = 2000;

  /** The most field errors one answer lists (the contract's {@code maxItems}). */
  static final int MAX_ERRORS = 200;

  Problem {
    detail = detail == null || detail.isBlank() ? type.title() : abbreviate(detail);
    errors = List.copyOf(errors);
    headers = Map.copyOf(headers);
  }

  static Problem of(ProblemType type, String detail, String instance) {
    return new Problem(type, detail, instance, List.of(), null, Map.of());
  }

  Problem withErrors(List<FieldError> more) {
    return new Problem(type, detail, instance, more, errorId, headers);
  }

  Problem withHeaders(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(more);
    return new Problem(type, detail, instance, errors, errorId, all);
  }

  Problem withErrorId(String id) {
    return new Problem(type, detail, instance, errors, id, headers);
  }

  /** The JSON object, in the contract's member order. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.uri().toString());
    body.put("title", type.title());
    body.put("status", type.status().value());
    body.put("detail", detail);
    body.put("instance", instance);
    if (!errors.isEmpty()) {
      body.put(
          "errors",
          errors.stream()
              .limit(MAX_ERRORS)
              .map(
                  e -> {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("field", field(e));
                    error.put("message", message(e));
                    return error;
                  })
              .toList());
    }
    if (errorId != null) {
      body.put("errorId", errorId);
    }
    return body;
  }

  private static String field(FieldError e) {
    return e.field() == null ? "" : abbreviate(e.field(), 500);
  }

  private static String message(FieldError e) {
    return e.message() == null || e.message().isBlank()
        ? "is not valid"
        : abbreviate(e.message(), 500);
  }

  private static String abbreviate(String text) {
    return abbreviate(text, MAX_DETAIL_CHARS);
  }

  static String abbreviate(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
