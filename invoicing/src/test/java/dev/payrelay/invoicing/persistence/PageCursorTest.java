package dev.payrelay.invoicing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T12:00:00Z",
        "2026-03-01T12:00:00.123456Z",
        "1969-12-31T23:59:59.000001Z"
      })
  void readsBackWhatItWrote(String at) {
    PageCursor cursor = new PageCursor(Instant.parse(at), UUID.randomUUID());

    String text = cursor.encode();

    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(PageCursor.decode(text)).contains(cursor);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not base64!",
        "MTIz",
        "2:1:0:00000000-0000-0000-0000-000000000000",
        "1:1:1000000000:00000000-0000-0000-0000-000000000000",
        "1:x:0:00000000-0000-0000-0000-000000000000",
        "1:1:0:00000000-0000-0000-0000-00000000000G"
      })
  void refusesAnythingElse(String plain) {
    String text =
        plain.startsWith("1:") || plain.startsWith("2:")
            ? Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.US_ASCII))
            : plain;

    assertThat(PageCursor.decode(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void refusesAnOverlongText() {
    assertThat(PageCursor.decode("A".repeat(PageCursor.MAX_CHARS + 1))).isEmpty();
  }
}
