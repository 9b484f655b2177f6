package dev.payrelay.wallet.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpcSettingsTest {

  @ParameterizedTest
  @CsvSource({
    "https://mainnet.infura.io/v3/0123456789abcdef, https://mainnet.infura.io:443",
    "https://user:secret@node.example.com:8545/key?x=1, https://node.example.com:8545",
    "http://127.0.0.1:8545, http://127.0.0.1:8545",
    "HTTP://localhost, http://localhost:80",
    "http://[::1]:8545/, http://[::1]:8545"
  })
  void showsSchemeHostAndPortOnly(String url, String endpoint) {
    RpcSettings settings = RpcSettings.of(url, ChainId.MAINNET);

    assertThat(settings.endpoint()).isEqualTo(endpoint);
    assertThat(settings.toString()).contains(endpoint).doesNotContain("secret", "0123456789abcdef");
  }

  @Test
  void hasTheDocumentedDefaults() {
    RpcSettings settings = RpcSettings.of("http://127.0.0.1:8545", ChainId.MAINNET);

    assertThat(settings.perCallTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxAttempts()).isEqualTo(5);
    assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void refusesWhatCannotWorkWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> RpcSettings.of("ws://node.example.com/SECRET", ChainId.MAINNET))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("http:// or https://")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> RpcSettings.of("https://node example/SECRET", ChainId.MAINNET))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageNotContaining("SECRET");
    RpcSettings ok = RpcSettings.of("http://127.0.0.1:8545", ChainId.MAINNET);
    assertThatThrownBy(() -> ok.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(2), 0))
        .hasMessageContaining("attempts");
    assertThatThrownBy(() -> ok.withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .hasMessageContaining("initial backoff");
    assertThatThrownBy(() -> ok.withRetries(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
        .hasMessageContaining("jitter");
    assertThatThrownBy(() -> ok.withPerCallTimeout(Duration.ZERO)).hasMessageContaining("timeout");
  }
}
