package dev.payrelay.gateway.error;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Hands every exception of an annotated controller to the {@link ProblemExceptionHandler}, ahead of
 * any other advice (such as Spring Boot's own problem-details handler), so controllers and the rest
 * of the node answer errors the same way.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemControllerAdvice {

  private final ProblemExceptionHandler problems;

  ProblemControllerAdvice(ProblemExceptionHandler problems) {
    this.problems = problems;
  }

  @ExceptionHandler(Throwable.class)
  Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    return problems.handle(exchange, ex);
  }
}
