package dev.payrelay.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the Standard Webhooks reference library (npm {@code standardwebhooks}, pinned in
 * tools/webhooks) on one delivery with {@code node tools/webhooks/verify.mjs}: a third-party
 * verifier, not our own code, decides whether our signatures are right.
 */
final class StandardWebhooksVerifier {

  /** What the library said: {@code verified}, or {@code refused: <its error>}. */
  record Verdict(boolean verified, String output) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StandardWebhooksVerifier() {}

  static Verdict verify(String secret, Map<String, String> headers, String body) {
    Path script = toolsDir().resolve("verify.mjs");
    Path library = toolsDir().resolve("node_modules/standardwebhooks");
    assertThat(library)
        .as("the npm package standardwebhooks: run `bash tools/install` (needs Node.js and npm)")
        .isDirectory();
    try {
      Process node =
          new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
      node.getOutputStream()
          .write(
              JSON.writeValueAsBytes(Map.of("secret", secret, "headers", headers, "body", body)));
      node.getOutputStream().close();
      if (!node.waitFor(60, TimeUnit.SECONDS)) {
        node.destroyForcibly();
        throw new AssertionError("node verify.mjs did not finish within 60 s");
      }
      String output =
          new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return new Verdict(node.exitValue() == 0 && output.equals("verified"), output);
    } catch (IOException e) {
      throw new AssertionError("could not run `node` (Node.js 20+ is needed): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** tools/webhooks of this checkout, found from the working directory upwards. */
  static Path toolsDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("tools/webhooks");
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("tools/webhooks not found above " + Path.of("").toAbsolutePath());
  }
}
