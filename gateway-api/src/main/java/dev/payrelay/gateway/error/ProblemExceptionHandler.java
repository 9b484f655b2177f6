package dev.payrelay.gateway.error;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one problem handler: every error of every request — from a controller, a filter, a router
 * function, or Spring itself (no route, wrong method, unreadable body, ...) — is answered here as
 * {@code application/problem+json} (RFC 9457, schema {@code Problem} of openapi/openapi.yaml),
 * whatever the request's {@code Accept} header says.
 *
 * <p>It runs before Spring Boot's own error handler (order -1). Exceptions of annotated controllers
 * reach it through {@link ProblemControllerAdvice}. A 5xx answer gets an {@code errorId}, logged
 * with the exception; nothing of the exception is shown to the client.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /** Headers of the answer that was being prepared, which the problem replaces. */
  private static final List<String> ENTITY_HEADERS =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.CONTENT_LENGTH,
          HttpHeaders.CONTENT_ENCODING,
          HttpHeaders.CONTENT_DISPOSITION,
          HttpHeaders.CONTENT_LANGUAGE,
          HttpHeaders.ETAG,
          HttpHeaders.LAST_MODIFIED,
          HttpHeaders.LOCATION);

  private final JsonMapper json;

  ProblemExceptionHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(ex);
    }
    ServerHttpRequest request = exchange.getRequest();
    Problem problem = ProblemMapper.toProblem(ex, request.getPath().value());
    log(request, problem, ex);
    response.setStatusCode(problem.type().status());
    HttpHeaders headers = response.getHeaders();
    ENTITY_HEADERS.forEach(headers::remove);
    problem.headers().forEach(headers::set);
    if (problem.type() == ProblemType.UNAUTHENTICATED
        && !headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"payrelay\"");
    }
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.setCacheControl("no-store");
    byte[] body = json.writeValueAsBytes(problem.body());
    headers.setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  private static void log(ServerHttpRequest request, Problem problem, Throwable ex) {
    if (problem.errorId() != null) {
      log.error(
          "{} {} failed: {} {} (errorId {})",
          request.getMethod(),
          request.getPath().value(),
          problem.type().status().value(),
          problem.type().slug(),
          problem.errorId(),
          ex);
    } else if (log.isDebugEnabled()) {
      log.debug(
          "{} {} answered {} {}: {}",
          request.getMethod(),
          request.getPath().value(),
          problem.type().status().value(),
          problem.type().slug(),
          problem.detail());
    }
  }
}
