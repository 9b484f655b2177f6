package dev.payrelay.wallet.devchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnvilBinaryTest {

  @Test
  void mapsJavaPlatformNamesToTheNpmPackageOfAnvil() {
    assertThat(AnvilBinary.npmBinary("Linux", "amd64"))
        .isEqualTo(Path.of("tools/devchain/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    assertThat(AnvilBinary.npmBinary("Linux", "aarch64"))
        .isEqualTo(Path.of("tools/devchain/node_modules/@foundry-rs/anvil-linux-arm64/bin/anvil"));
    assertThat(AnvilBinary.npmBinary("Mac OS X", "x86_64"))
        .isEqualTo(Path.of("tools/devchain/node_modules/@foundry-rs/anvil-darwin-amd64/bin/anvil"));
    assertThat(AnvilBinary.npmBinary("Windows 11", "amd64"))
        .isEqualTo(
            Path.of("tools/devchain/node_modules/@foundry-rs/anvil-win32-amd64/bin/anvil.exe"));
  }

  @Test
  void passesBlockTimeToAnvilAsFractionalSeconds() {
    assertThat(Anvil.seconds(Duration.ofMillis(500))).isEqualTo("0.5");
    assertThat(Anvil.seconds(Duration.ofSeconds(12))).isEqualTo("12");
  }

  @Test
  void reachesAWildcardHostOnLoopbackAndBracketsIpv6() {
    assertThat(AnvilPorts.rpcUrl("127.0.0.1", 8545)).hasToString("http://127.0.0.1:8545");
    assertThat(AnvilPorts.rpcUrl("0.0.0.0", 8545)).hasToString("http://127.0.0.1:8545");
    assertThat(AnvilPorts.rpcUrl("::", 8545)).hasToString("http://[::1]:8545");
    assertThat(AnvilPorts.rpcUrl("::1", 8545)).hasToString("http://[::1]:8545");
  }
}
