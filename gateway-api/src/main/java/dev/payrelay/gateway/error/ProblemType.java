package dev.payrelay.gateway.error;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers, with its stable RFC 9457 {@code type} URI, its title and its
 * HTTP status. Clients switch on {@link #uri()}; the titles never change for a type; the {@code
 * detail} of each answer says what exactly went wrong.
 */
public enum ProblemType {
  VALIDATION("validation", "The request is not valid", HttpStatus.BAD_REQUEST),
  MALFORMED_BODY("malformed-body", "The request body is not valid JSON", HttpStatus.BAD_REQUEST),
  UNAUTHENTICATED("unauthenticated", "An API key is required", HttpStatus.UNAUTHORIZED),
  FORBIDDEN("insufficient-scope", "The API key lacks a required scope", HttpStatus.FORBIDDEN),
  NOT_FOUND("not-found", "No such resource", HttpStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", HttpStatus.NOT_ACCEPTABLE),
  CONFLICT("conflict", "The resource is not in a state that allows this", HttpStatus.CONFLICT),
  PAYLOAD_TOO_LARGE(
      "payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type", "The request body must be JSON", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  IDEMPOTENCY_KEY_REUSED(
      "idempotency-key-reused",
      "The Idempotency-Key was used with a different request",
      HttpStatus.UNPROCESSABLE_CONTENT),
  IDEMPOTENCY_IN_PROGRESS(
      "idempotency-in-progress",
      "A request with this Idempotency-Key is still being processed",
      HttpStatus.CONFLICT),
  PROOF_REJECTED(
      "proof-rejected",
      "The transaction does not pay this invoice",
      HttpStatus.UNPROCESSABLE_CONTENT),
  PEER_UNREACHABLE("peer-unreachable", "The peer could not be reached", HttpStatus.BAD_GATEWAY),
  RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
  UNAVAILABLE(
      "unavailable",
      "A service the node depends on is unavailable",
      HttpStatus.SERVICE_UNAVAILABLE),
  INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

  /** The scheme of every problem type URI: a URN, so it never points at a host we do not own. */
  public static final String URI_PREFIX = "urn:payrelay:problem:";

  private final String slug;
  private final String title;
  private final HttpStatus status;

  ProblemType(String slug, String title, HttpStatus status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return URI.create(URI_PREFIX + slug);
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public HttpStatus status() {
    return status;
  }
}
