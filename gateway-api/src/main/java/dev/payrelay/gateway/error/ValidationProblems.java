package dev.payrelay.gateway.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation failures as field errors: of a {@code @Valid} body ({@link
 * org.springframework.web.bind.support.WebExchangeBindException}), of handler method parameters
 * ({@link HandlerMethodValidationException}) and of {@code @Validated} beans ({@link
 * ConstraintViolationException}). Field names are the Java property paths, so request records name
 * their components exactly as the JSON does.
 */
final class ValidationProblems {

  private ValidationProblems() {}

  static List<FieldError> of(Errors errors) {
    List<FieldError> out = new ArrayList<>();
    errors.getGlobalErrors().forEach(e -> out.add(new FieldError("", e.getDefaultMessage())));
    errors
        .getFieldErrors()
        .forEach(e -> out.add(new FieldError(e.getField(), e.getDefaultMessage())));
    return out;
  }

  static List<FieldError> of(HandlerMethodValidationException ex) {
    List<FieldError> out = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        out.addAll(of(errors));
      } else {
        String name = InputProblems.parameterName(result.getMethodParameter());
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          out.add(new FieldError(name, error.getDefaultMessage()));
        }
      }
    }
    ex.getCrossParameterValidationResults()
        .forEach(e -> out.add(new FieldError("", e.getDefaultMessage())));
    return out;
  }

  static List<FieldError> of(ConstraintViolationException ex) {
    return ex.getConstraintViolations().stream()
        .map(v -> new FieldError(path(v), v.getMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
  }

  /** {@code create.body.lineItems[0].quantity} → {@code lineItems[0].quantity}. */
  private static String path(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    String parameter = "";
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD
          || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.RETURN_VALUE
          || kind == ElementKind.CROSS_PARAMETER) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.isInIterable()) {
        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey());
        path.append(']');
      }
      if (kind != ElementKind.CONTAINER_ELEMENT
          && node.getName() != null
          && !node.getName().isEmpty()) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.length() > 0 ? path.toString() : parameter;
  }

  /** "lineItems[0].quantity: must be greater than 0", or "3 fields are not valid: a, b, c". */
  static String detail(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return ProblemType.VALIDATION.title();
    }
    if (errors.size() == 1) {
      FieldError e = errors.get(0);
      return e.field().isEmpty() ? e.message() : e.field() + ": " + e.message();
    }
    List<String> fields =
        errors.stream().map(FieldError::field).filter(f -> !f.isEmpty()).distinct().toList();
    return errors.size()
        + " problems with the request"
        + (fields.isEmpty() ? "" : ": ")
        + String.join(", ", fields.subList(0, Math.min(fields.size(), 20)))
        + (fields.size() > 20 ? ", …" : "");
  }
}
