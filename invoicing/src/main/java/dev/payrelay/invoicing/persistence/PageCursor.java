package dev.payrelay.invoicing.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of invoices ended: the {@code (created_at, id)} of its last invoice, the keyset the
 * next page continues below. Written as opaque base64url text; an invoice inserted meanwhile never
 * shifts the pages (no duplicates, no gaps).
 */
public record PageCursor(Instant createdAt, UUID id) {

  /** Longer text is not a cursor of ours. */
  public static final int MAX_CHARS = 200;

  private static final Pattern FORM =
      Pattern.compile(
          "1:(-?[0-9]{1,19}):([0-9]{1,9}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  public String encode() {
    String plain = "1:" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor {@link #encode()} wrote, or empty for any other text. */
  public static Optional<PageCursor> decode(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(plain);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      return Optional.of(new PageCursor(at, UUID.fromString(m.group(3))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
