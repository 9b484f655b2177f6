package dev.payrelay.gateway.error;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints that fail in each way the problem handler must answer, registered only in the tests
 * that import it ({@code @TestComponent} keeps it out of component scanning).
 */
@TestComponent
@RestController
class ErrorProbe {

  static final String SECRET = "jdbc:postgresql://db.internal:5432/secret-password";

  record Order(
      @NotBlank String name,
      @Positive int count,
      @Size(max = 3) List<@Valid Item> items,
      Map<String, String> metadata) {}

  record Item(@NotBlank String description, String quantity) {}

  @PostMapping(
      path = "/probe/orders",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Order> create(@Valid @RequestBody Order order) {
    return Mono.just(order);
  }

  @PostMapping(path = "/probe/raw", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<Integer> raw(@RequestBody Mono<byte[]> body) {
    return body.map(b -> b.length);
  }

  @GetMapping(path = "/probe/items/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> item(@PathVariable UUID id) {
    return Map.of("id", id);
  }

  @GetMapping(path = "/probe/page", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> page(
      @RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) OffsetDateTime createdFrom,
      @RequestParam String orderId) {
    return Map.of("limit", limit, "orderId", orderId);
  }

  @GetMapping("/probe/boom")
  Map<String, Object> boom() {
    throw new IllegalStateException("lost the connection to " + SECRET);
  }

  @GetMapping("/probe/async-boom")
  Mono<Map<String, Object>> asyncBoom() {
    return Mono.error(new NullPointerException("field " + SECRET));
  }

  @GetMapping("/probe/database-down")
  Mono<Map<String, Object>> databaseDown() {
    return Mono.error(new DataAccessResourceFailureException("refused: " + SECRET));
  }

  @GetMapping("/probe/unauthenticated")
  Mono<Map<String, Object>> unauthenticated() {
    return Mono.error(new ApiProblemException(ProblemType.UNAUTHENTICATED, "Send an API key"));
  }

  @GetMapping("/probe/rate-limited")
  Mono<Map<String, Object>> rateLimited() {
    return Mono.error(
        new ApiProblemException(
                ProblemType.RATE_LIMITED,
                "Slow down",
                List.of(new FieldError("lineItems[1].quantity", "must be greater than 0")))
            .withHeader("Retry-After", "7"));
  }
}
