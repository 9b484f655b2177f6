package dev.payrelay.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

  record Create(String label, List<String> scopes) {}

  private final JsonMapper json = JsonMapper.builder().build();
  private final RequestFingerprint fingerprint = new RequestFingerprint(json);

  @Test
  void theSameBodyInAnyOrderOrFormHasTheSameFingerprint() {
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("scopes", List.of("node:read"));
    reordered.put("label", "a");
    byte[] record = fingerprint.of("POST", "/v1/api-keys", new Create("a", List.of("node:read")));
    assertThat(fingerprint.of("POST", "/v1/api-keys", reordered)).isEqualTo(record);
    assertThat(
            fingerprint.of(
                "POST",
                "/v1/api-keys",
                json.readTree("{ \"scopes\" : [ \"node:read\" ], \"label\" : \"a\" }")))
        .isEqualTo(record);
  }

  @Test
  void methodPathAndEveryValueCount() {
    byte[] base = fingerprint.of("POST", "/v1/api-keys", new Create("a", List.of("node:read")));
    assertThat(fingerprint.of("PUT", "/v1/api-keys", new Create("a", List.of("node:read"))))
        .isNotEqualTo(base);
    assertThat(fingerprint.of("POST", "/v1/invoices", new Create("a", List.of("node:read"))))
        .isNotEqualTo(base);
    assertThat(fingerprint.of("POST", "/v1/api-keys", new Create("b", List.of("node:read"))))
        .isNotEqualTo(base);
    assertThat(fingerprint.of("POST", "/v1/api-keys", new Create("a", List.of())))
        .isNotEqualTo(base);
    assertThat(fingerprint.of("POST", "/v1/api-keys", null)).hasSize(32);
  }
}
