package dev.payrelay.gateway.error;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * Bad input that Spring found before a handler ran: a body that is not JSON or does not bind
 * ({@link JsonProblems}), a path or query parameter or header that is missing or of the wrong type.
 */
final class InputProblems {

  private InputProblems() {}

  static Problem of(ServerWebInputException ex, String instance) {
    JacksonException json = ProblemMapper.cause(ex, JacksonException.class);
    if (json != null) {
      return JsonProblems.of(json, instance);
    }
    if (ProblemMapper.cause(ex, DecodingException.class) != null) {
      return Problem.of(ProblemType.MALFORMED_BODY, "The request body could not be read", instance);
    }
    MethodParameter parameter = ex.getMethodParameter();
    if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
      return Problem.of(
          ProblemType.MALFORMED_BODY, "The request body is missing: send a JSON object", instance);
    }
    String name = parameterName(parameter);
    String message;
    if (ex instanceof MissingRequestValueException missing) {
      name = missing.getName();
      message = "is required";
    } else if (ex.getCause() instanceof TypeMismatchException mismatch) {
      message = mustBe(mismatch.getRequiredType());
    } else {
      message = "is not valid";
    }
    List<FieldError> errors = List.of(new FieldError(name, message));
    return Problem.of(ProblemType.VALIDATION, ValidationProblems.detail(errors), instance)
        .withErrors(errors);
  }

  /** The name a client uses for the parameter: the annotation's, else the Java name. */
  static String parameterName(MethodParameter parameter) {
    if (parameter == null) {
      return "";
    }
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null) {
      return firstNonEmpty(param.name(), param.value(), parameter.getParameterName());
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null) {
      return firstNonEmpty(path.name(), path.value(), parameter.getParameterName());
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null) {
      return firstNonEmpty(header.name(), header.value(), parameter.getParameterName());
    }
    String name = parameter.getParameterName();
    return name == null ? "" : name;
  }

  private static String firstNonEmpty(String... names) {
    for (String name : names) {
      if (name != null && !name.isEmpty()) {
        return name;
      }
    }
    return "";
  }

  /**
   * "must be an integer", "must be a UUID", ... for a value that did not convert to {@code type}.
   */
  static String mustBe(Class<?> type) {
    if (type == null) {
      return "is not valid";
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be an integer";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date-time such as 2026-01-31T12:00:00Z";
    }
    if (type.isEnum()) {
      return "is not one of the allowed values";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    return "is not valid";
  }
}
