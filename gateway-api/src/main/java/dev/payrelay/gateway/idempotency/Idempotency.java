package dev.payrelay.gateway.idempotency;

import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.error.ProblemType;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for creating requests (Stripe's semantics): the first request with a key
 * runs and its answer (status, JSON body, {@code Location}) is kept for {@link #RETENTION}; a retry
 * with the same key and the same request gets that answer again, byte for byte, without running
 * anything; the same key with another request is {@link ProblemType#IDEMPOTENCY_KEY_REUSED} (422);
 * a retry while the first is still running is {@link ProblemType#IDEMPOTENCY_IN_PROGRESS} (409).
 * Keys are per store.
 *
 * <p>The action must be all-or-nothing (one database transaction): when it fails, the key is
 * forgotten and the error passes through, so the client may retry with the same key. If the node
 * dies while an action runs, its key stays "in progress" until it expires.
 */
@Component
public class Idempotency {

  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  /** The most characters a key may have (printable ASCII, at least one). */
  public static final int MAX_KEY_LENGTH = 255;

  /** How long an answer is kept and replayed. */
  public static final Duration RETENTION = Duration.ofHours(24);

  /** Set to {@code true} on a replayed answer. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final IdempotencyRecords records;
  private final JsonMapper json;
  private final RequestFingerprint fingerprint;
  private final Clock clock;

  Idempotency(IdempotencyRecords records, JsonMapper json, Clock clock) {
    this.records = records;
    this.json = json;
    this.fingerprint = new RequestFingerprint(json);
    this.clock = clock;
  }

  /**
   * Runs {@code action} at most once per {@code idempotencyKey} of the caller's store.
   *
   * @param idempotencyKey the header's value; null runs the action without any of this
   * @param method e.g. {@code POST}
   * @param path the request path, e.g. {@code /v1/invoices}
   * @param requestBody the parsed request body (a record, map or JSON tree); hashed as canonical
   *     JSON
   * @param action creates the answer; its body is rendered as JSON with the application's mapper
   * @return the answer, with its body as the JSON text sent (and kept) for it
   */
  public Mono<ResponseEntity<String>> run(
      Caller caller,
      @Nullable String idempotencyKey,
      String method,
      String path,
      @Nullable Object requestBody,
      Supplier<? extends Mono<? extends ResponseEntity<?>>> action) {
    if (idempotencyKey == null) {
      return Mono.defer(action).map(r -> answer(r.getStatusCode().value(), render(r), location(r)));
    }
    return Mono.defer(
        () -> {
          validate(idempotencyKey);
          byte[] hash = fingerprint.of(method, path, requestBody);
          Instant now = clock.instant();
          return records
              .claim(
                  caller.storeId(), idempotencyKey, method, path, hash, now, now.minus(RETENTION))
              .flatMap(
                  claimed ->
                      claimed
                          ? execute(caller, idempotencyKey, action)
                          : replay(caller, idempotencyKey, method, path, hash));
        });
  }

  private Mono<ResponseEntity<String>> execute(
      Caller caller, String key, Supplier<? extends Mono<? extends ResponseEntity<?>>> action) {
    return Mono.defer(action)
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("the action answered nothing")))
        .onErrorResume(e -> records.release(caller.storeId(), key).then(Mono.error(e)))
        .flatMap(
            r -> {
              int status = r.getStatusCode().value();
              String body = render(r);
              String location = location(r);
              return records
                  .complete(caller.storeId(), key, status, body, location, clock.instant())
                  .thenReturn(answer(status, body, location));
            });
  }

  private Mono<ResponseEntity<String>> replay(
      Caller caller, String key, String method, String path, byte[] hash) {
    return records
        .find(caller.storeId(), key)
        .switchIfEmpty(Mono.error(() -> inProgress())) // released by a failing first request
        .map(
            entry -> {
              if (!entry.method().equals(method)
                  || !entry.path().equals(path)
                  || !MessageDigest.isEqual(entry.requestHash(), hash)) {
                throw new ApiProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request within the last "
                        + RETENTION.toHours()
                        + " hours; send a new key with a new request");
              }
              if (!entry.completed()) {
                throw inProgress();
              }
              ResponseEntity<String> first =
                  answer(entry.responseStatus(), entry.responseBody(), entry.responseLocation());
              return ResponseEntity.status(first.getStatusCode())
                  .headers(first.getHeaders())
                  .header(REPLAYED_HEADER, "true")
                  .body(first.getBody());
            });
  }

  private static ApiProblemException inProgress() {
    return new ApiProblemException(
        ProblemType.IDEMPOTENCY_IN_PROGRESS,
        "The first request with this Idempotency-Key is still being processed; retry later");
  }

  /** 1 to {@value #MAX_KEY_LENGTH} printable ASCII characters (space included). */
  static void validate(String key) {
    boolean printable = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !printable || key.isBlank()) {
      throw ApiProblemException.validation(
          "The Idempotency-Key header is not valid",
          List.of(
              new FieldError(
                  HEADER,
                  "must be 1 to "
                      + MAX_KEY_LENGTH
                      + " printable ASCII characters, not all blank")));
    }
  }

  private String render(ResponseEntity<?> response) {
    return response.getBody() == null ? null : json.writeValueAsString(response.getBody());
  }

  private static String location(ResponseEntity<?> response) {
    URI location = response.getHeaders().getLocation();
    return location == null ? null : location.toString();
  }

  private static ResponseEntity<String> answer(int status, String body, String location) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
    if (location != null) {
      answer.header(HttpHeaders.LOCATION, location);
    }
    if (body == null) {
      return answer.build();
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
