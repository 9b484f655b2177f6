package dev.payrelay.gateway.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code PAYRELAY_BOOTSTRAP_API_KEY}: accepted, idempotent, rotated, and checked at start-up. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapKeyTest {

  static final String KEY_A = "pr_BootstrapKyA_" + "a1".repeat(20);
  static final String KEY_B = "pr_BootstrapKyB_" + "b2".repeat(20);

  @Test
  void aConfiguredKeyIsAcceptedAcrossRestartsAndAChangedOneRevokesTheOld(CapturedOutput output)
      throws Exception {
    Database db = TestDatabase.fresh(BootstrapKeyTest.class);
    for (int start = 0; start < 2; start++) {
      try (ConfigurableApplicationContext node = NodeStarts.start(db, KEY_A)) {
        assertThat(TestNode.getJson(NodeStarts.client(node), "/v1/node", KEY_A))
            .containsKey("name");
      }
    }
    String keyBId;
    try (ConfigurableApplicationContext node = NodeStarts.start(db, KEY_B)) {
      WebTestClient http = NodeStarts.client(node);
      assertThat(TestNode.getJson(http, "/v1/node", KEY_B)).containsKey("name");
      TestNode.assertUnauthorized(http, "/v1/node", KEY_A);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> live =
          (List<Map<String, Object>>) TestNode.getJson(http, "/v1/api-keys", KEY_B).get("data");
      assertThat(live).extracting(k -> k.get("prefix")).containsExactly("BootstrapKyB");
      keyBId = (String) live.get(0).get("id");
      // The admin revokes the bootstrap key itself.
      http.delete()
          .uri("/v1/api-keys/" + keyBId)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY_B)
          .exchange()
          .expectStatus()
          .isNoContent();
    }
    try (ConfigurableApplicationContext node = NodeStarts.start(db, KEY_B)) {
      TestNode.assertUnauthorized(NodeStarts.client(node), "/v1/node", KEY_B);
    }
    assertThat(output.getAll())
        .contains("The bootstrap API key pr_BootstrapKyB_… was revoked and stays revoked")
        .doesNotContain(DefaultStoreBootstrap.SHOWN_ONCE)
        .doesNotContain(KEY_A.substring(16), KEY_B.substring(16));
    assertThat(bootstrapRows(db)).isEqualTo(Map.of("BootstrapKyA", true, "BootstrapKyB", true));
  }

  @Test
  void aMalformedKeyStopsStartUpWithOneSentenceNamingTheProperty(CapturedOutput output) {
    Database db = TestDatabase.fresh("BootstrapKeyMalformed");
    assertThatThrownBy(() -> NodeStarts.start(db, "pr_short_Sup3rSecretValue"))
        .isInstanceOf(RuntimeException.class);
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains(
            "payrelay.bootstrap-api-key (PAYRELAY_BOOTSTRAP_API_KEY) is not a valid API key: it"
                + " must have the form pr_<12 letters or digits>_<32 to 128 letters or digits>.")
        .doesNotContain("Sup3rSecretValue")
        .doesNotContain("\tat ");
  }

  /** prefix → revoked, of the default store's bootstrap keys. */
  private static Map<String, Boolean> bootstrapRows(Database db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT prefix, revoked_at IS NOT NULL FROM api_keys k JOIN stores s"
                    + " ON s.id = k.store_id WHERE s.is_default AND k.origin = 'bootstrap'")) {
      Map<String, Boolean> rows = new TreeMap<>();
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getBoolean(2));
      }
      return rows;
    }
  }
}
