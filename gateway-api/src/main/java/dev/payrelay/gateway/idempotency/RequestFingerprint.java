package dev.payrelay.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same" for an Idempotency-Key: SHA-256 over the method, the path and
 * the request body as canonical JSON (properties and map keys sorted, no insignificant white
 * space), so a retry that re-encodes the same body differently is still the same request.
 */
final class RequestFingerprint {

  private final JsonMapper canonical;

  RequestFingerprint(JsonMapper mapper) {
    this.canonical =
        mapper
            .rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();
  }

  byte[] of(String method, String path, Object body) {
    String text = method + "\n" + path + "\n" + canonical.writeValueAsString(body);
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
