package dev.payrelay.gateway.error;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import jakarta.validation.ConstraintViolationException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Turns any exception raised while handling a request into the {@link Problem} the client gets. A
 * 4xx says what was wrong with the request; a 5xx says nothing about the inside of the node and
 * carries an {@code errorId} instead, under which the handler logs the exception.
 */
final class ProblemMapper {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ProblemMapper() {}

  static Problem toProblem(Throwable ex, String instance) {
    Problem problem = map(ex, instance);
    return problem.type().status().is5xxServerError() ? problem.withErrorId(newErrorId()) : problem;
  }

  private static Problem map(Throwable ex, String instance) {
    ApiProblemException api = cause(ex, ApiProblemException.class);
    if (api != null) {
      return new Problem(api.type(), api.detail(), instance, api.errors(), null, api.headers());
    }
    if (cause(ex, DataBufferLimitException.class) != null) {
      return tooLarge(instance);
    }
    if (ex instanceof WebExchangeBindException bind) {
      return validation(ValidationProblems.of(bind), instance);
    }
    if (ex instanceof HandlerMethodValidationException invalid) {
      return validation(ValidationProblems.of(invalid), instance);
    }
    if (ex instanceof ConstraintViolationException invalid) {
      return validation(ValidationProblems.of(invalid), instance);
    }
    if (ex instanceof ServerWebInputException input) {
      return InputProblems.of(input, instance);
    }
    if (ex instanceof ResponseStatusException status) {
      return ofStatus(status, instance);
    }
    if (ex instanceof DataAccessResourceFailureException
        || ex instanceof TransientDataAccessResourceException
        || isR2dbcResourceFailure(ex)) {
      return Problem.of(
          ProblemType.UNAVAILABLE, "The node's database is unavailable; retry later", instance);
    }
    return internal(instance);
  }

  private static Problem ofStatus(ResponseStatusException ex, String instance) {
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    HttpStatusCode status = ex.getStatusCode();
    Problem problem;
    if (ex instanceof MethodNotAllowedException notAllowed) {
      problem =
          Problem.of(
              ProblemType.METHOD_NOT_ALLOWED,
              notAllowed.getHttpMethod() + " is not allowed here; allowed: " + headers.get("Allow"),
              instance);
    } else if (ex instanceof NotAcceptableStatusException) {
      problem =
          Problem.of(
              ProblemType.NOT_ACCEPTABLE,
              "This resource is available as application/json only",
              instance);
    } else if (ex instanceof UnsupportedMediaTypeStatusException) {
      problem =
          Problem.of(
              ProblemType.UNSUPPORTED_MEDIA_TYPE,
              "Send the request body as application/json",
              instance);
    } else if (status.value() == 404) {
      problem = Problem.of(ProblemType.NOT_FOUND, "There is nothing at this path", instance);
    } else if (status.value() == 413) {
      problem = tooLarge(instance);
    } else if (status.is4xxClientError()) {
      ProblemType type = forStatus(status.value());
      problem = Problem.of(type, type.title(), instance);
    } else {
      return status.value() == 503
          ? Problem.of(ProblemType.UNAVAILABLE, ProblemType.UNAVAILABLE.title(), instance)
          : internal(instance);
    }
    return problem.withHeaders(headers);
  }

  private static ProblemType forStatus(int status) {
    for (ProblemType type : ProblemType.values()) {
      if (type.status().value() == status) {
        return type;
      }
    }
    return ProblemType.VALIDATION;
  }

  private static Problem validation(List<FieldError> errors, String instance) {
    return Problem.of(ProblemType.VALIDATION, ValidationProblems.detail(errors), instance)
        .withErrors(errors);
  }

  private static Problem tooLarge(String instance) {
    return Problem.of(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + RequestBodyLimit.MAX_REQUEST_BODY_BYTES + " bytes",
        instance);
  }

  private static Problem internal(String instance) {
    return Problem.of(
        ProblemType.INTERNAL,
        "The node failed to handle this request; report the errorId to its operator",
        instance);
  }

  private static boolean isR2dbcResourceFailure(Throwable ex) {
    return cause(ex, R2dbcNonTransientResourceException.class) != null
        || cause(ex, R2dbcTransientResourceException.class) != null;
  }

  /** The first throwable of type {@code type} in {@code ex}'s cause chain, or null. */
  static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String newErrorId() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
