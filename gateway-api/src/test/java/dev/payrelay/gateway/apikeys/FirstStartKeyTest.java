package dev.payrelay.gateway.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without a bootstrap key, the first start prints an admin key once; later starts print none. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartKeyTest {

  private static final Pattern SHOWN =
      Pattern.compile(
          "WARN.*" + Pattern.quote(DefaultStoreBootstrap.SHOWN_ONCE) + "(pr_[0-9A-Za-z_]+)");

  @Test
  void theFirstStartPrintsAWorkingAdminKeyExactlyOnce(CapturedOutput output) {
    Database db = TestDatabase.fresh(FirstStartKeyTest.class);
    String key;
    try (ConfigurableApplicationContext node = NodeStarts.start(db, null)) {
      Matcher m = SHOWN.matcher(output.getOut());
      assertThat(m.find()).as("the admin key line").isTrue();
      key = m.group(1);
      WebTestClient http = NodeStarts.client(node);
      assertThat(TestNode.getJson(http, "/v1/node", key)).containsKey("name");
      assertThat(ScopeMatrix.createKey(http, key, "every scope", List.of(Scope.values())))
          .as("the admin key holds every scope")
          .startsWith("pr_");
    }
    try (ConfigurableApplicationContext node = NodeStarts.start(db, null)) {
      assertThat(TestNode.getJson(NodeStarts.client(node), "/v1/node", key)).containsKey("name");
    }
    String all = output.getAll();
    assertThat(count(all, DefaultStoreBootstrap.SHOWN_ONCE)).as("printed once").isEqualTo(1);
    assertThat(count(all, key.substring(16))).as("the secret appears nowhere else").isEqualTo(1);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
