package dev.payrelay.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.gateway.PayRelayApplication;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator who gets the configuration wrong sees one sentence that names the problem and the
 * property to change, not a page of stack trace, and nothing starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @TempDir Path dataDir;

  @Test
  void anUnreachableDatabaseIsNamedWithoutItsPassword(CapturedOutput output) throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertStartupFails(
        "--payrelay.database.url=postgresql://payrelay:hunter2@127.0.0.1:" + closedPort + "/shop");
    assertThat(output)
        .contains(
            "PayRelay cannot use the database postgresql://127.0.0.1:"
                + closedPort
                + "/shop: connection refused")
        .contains("PAYRELAY_DATABASE_URL")
        .doesNotContain("hunter2");
    assertNoStackTrace(output);
  }

  @Test
  void aDatabaseUrlOfTheWrongKindIsNamed(CapturedOutput output) {
    assertStartupFails("--payrelay.database.url=mysql://root:hunter2@db:3306/shop");
    assertThat(output)
        .contains(
            "payrelay.database.url is not a usable PostgreSQL URL: the scheme must be postgresql")
        .doesNotContain("hunter2");
    assertNoStackTrace(output);
  }

  @Test
  void aDatabaseUrlWithoutAUserIsExplained(CapturedOutput output) {
    assertStartupFails("--payrelay.database.url=postgresql://127.0.0.1:5432/shop");
    assertThat(output)
        .contains("The database postgresql://127.0.0.1:5432/shop is configured without a user");
    assertNoStackTrace(output);
  }

  @Test
  void aMalformedNumberNamesTheProperty(CapturedOutput output) {
    assertStartupFails("--payrelay.dev-chain.port=eighty");
    assertThat(output).contains("payrelay.dev-chain.port").contains("eighty");
    assertNoStackTrace(output);
  }

  @Test
  void anOutOfRangeValueNamesTheProperty(CapturedOutput output) {
    assertStartupFails(
        "--payrelay.database.embedded.enabled=false",
        "--payrelay.database.url=postgresql://shop:secret@127.0.0.1:1/shop",
        "--payrelay.chains[0].name=mainnet",
        "--payrelay.chains[0].chain-id=-1",
        "--payrelay.chains[0].rpc-url=http://127.0.0.1:1");
    assertThat(output).contains("payrelay.chains[0].chainId").contains("-1");
    assertNoStackTrace(output);
  }

  @Test
  void noDatabaseAtAllIsExplained(CapturedOutput output) {
    assertStartupFails("--payrelay.database.embedded.enabled=false");
    assertThat(output)
        .contains("No database is configured and payrelay.database.embedded.enabled is false");
    assertNoStackTrace(output);
  }

  @Test
  void aMailSenderWithADisplayNameIsRefusedWithThePropertyNamed(CapturedOutput output) {
    assertStartupFails("--payrelay.mail.from=Shop <billing@shop.example>");
    assertThat(output).contains("payrelay.mail.from", "must be a plain email address");
  }

  @Test
  void aNodeKeyOthersMayReadIsRefusedWithTheFileAndTheFixNamed(CapturedOutput output)
      throws Exception {
    java.nio.file.Path key = dataDir.resolve("node.key");
    java.nio.file.Files.write(key, new byte[] {8, 1, 18, 64});
    java.nio.file.Files.setPosixFilePermissions(
        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertStartupFails();
    assertThat(output).contains(key.toString(), "chmod 600");
    assertNoStackTrace(output);
  }

  private void assertStartupFails(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "--server.port=0";
    all[1] = "--payrelay.data-dir=" + dataDir;
    all[2] = "--payrelay.dev-chain.enabled=false";
    System.arraycopy(args, 0, all, 3, args.length);
    assertThatThrownBy(() -> new SpringApplicationBuilder(PayRelayApplication.class).run(all))
        .isInstanceOf(RuntimeException.class);
  }

  private static void assertNoStackTrace(CapturedOutput output) {
    assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
  }
}
