package dev.payrelay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {

  private static final SecureRandom random = new SecureRandom();

  @Test
  void generatedKeysHaveTheFormatAnd256BitSecrets() {
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      ApiKeyToken key = ApiKeyToken.generate(random);
      assertThat(key.value()).matches("pr_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}");
      assertThat(ApiKeyToken.parse(key.value())).contains(key);
      prefixes.add(key.prefix());
    }
    assertThat(prefixes).hasSize(1_000);
  }

  @Test
  void parseAcceptsOnlyTheExactFormat() {
    String secret = "a".repeat(32);
    assertThat(ApiKeyToken.parse("pr_abcdefABCDEF_" + secret)).isPresent();
    assertThat(ApiKeyToken.parse("pr_abcdefABCDEF_" + "a".repeat(128))).isPresent();
    for (String bad :
        new String[] {
          "",
          "pr__" + secret,
          "pr_abcdefABCDE_" + secret, // 11-character prefix
          "pr_abcdefABCDEFG_" + secret,
          "pr_abcdefABCDEF_" + "a".repeat(31),
          "pr_abcdefABCDEF_" + "a".repeat(129),
          "PR_abcdefABCDEF_" + secret,
          "pr_abcdef-BCDEF_" + secret,
          "pr_abcdefABCDEF_" + secret + " ",
          "pr_abcdefABCDEF_" + "a".repeat(31) + "é",
        }) {
      assertThat(ApiKeyToken.parse(bad)).as(bad).isEmpty();
    }
    assertThat(ApiKeyToken.parse(null)).isEmpty();
  }

  @Test
  void bearerSchemeIsCaseInsensitiveAndNothingElseIsAccepted() {
    String key = ApiKeyToken.generate(random).value();
    assertThat(ApiKeyToken.fromBearer("Bearer " + key)).isPresent();
    assertThat(ApiKeyToken.fromBearer("bEaReR " + key)).isPresent();
    assertThat(ApiKeyToken.fromBearer("Basic " + key)).isEmpty();
    assertThat(ApiKeyToken.fromBearer(key)).isEmpty();
    assertThat(ApiKeyToken.fromBearer(null)).isEmpty();
  }

  @Test
  void theHashCoversTheWholeKeyAndToStringHidesTheSecret() {
    ApiKeyToken key = ApiKeyToken.generate(random);
    assertThat(key.hash()).hasSize(32);
    assertThat(key.matches(key.hash())).isTrue();
    ApiKeyToken samePrefix = new ApiKeyToken(key.prefix(), "b".repeat(43));
    assertThat(samePrefix.matches(key.hash())).isFalse();
    assertThat(key.toString()).isEqualTo("pr_" + key.prefix() + "_…").doesNotContain(key.secret());
    assertThatThrownBy(() -> new ApiKeyToken("short", "b".repeat(43)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
  }

  @Test
  void scopesParseFromTheirWireFormWithAClearError() {
    for (Scope s : Scope.values()) {
      assertThat(Scope.parse(s.value())).isSameAs(s);
    }
    assertThatThrownBy(() -> Scope.parse("invoices:delete"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown scope 'invoices:delete'; known scopes are invoices:read, invoices:write,"
                + " keys:manage, node:read, network:manage, webhooks:manage");
  }
}
