package dev.payrelay.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key in its only plaintext form, {@code pr_<prefix>_<secret>}: a 12-character base62 prefix
 * that identifies the key (stored, shown in listings) and a secret of at least 32 base62
 * characters. Only {@link #hash()} (SHA-256 of the whole key) is stored. {@link #toString()} never
 * shows the secret.
 *
 * @param prefix {@value #PREFIX_LENGTH} base62 characters
 * @param secret at least {@value #MIN_SECRET_LENGTH} base62 characters
 */
public record ApiKeyToken(String prefix, String secret) {

  public static final int PREFIX_LENGTH = 12;
  public static final int MIN_SECRET_LENGTH = 32;

  /** No key is longer; a longer header is rejected before it is hashed. */
  public static final int MAX_SECRET_LENGTH = 128;

  /** 43 base62 characters carry 256 bits. */
  static final int GENERATED_SECRET_LENGTH = 43;

  /** How the format is described in messages; never contains a key. */
  public static final String FORMAT = "pr_<12 letters or digits>_<32 to 128 letters or digits>";

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern KEY =
      Pattern.compile(
          "pr_([0-9A-Za-z]{"
              + PREFIX_LENGTH
              + "})_([0-9A-Za-z]{"
              + MIN_SECRET_LENGTH
              + ","
              + MAX_SECRET_LENGTH
              + "})");

  public ApiKeyToken {
    if (!KEY.matcher("pr_" + prefix + "_" + secret).matches()) {
      throw new IllegalArgumentException("not an API key; expected " + FORMAT);
    }
  }

  /** A fresh key from {@code random} (a {@link SecureRandom} in production). */
  public static ApiKeyToken generate(SecureRandom random) {
    return new ApiKeyToken(base62(random, PREFIX_LENGTH), base62(random, GENERATED_SECRET_LENGTH));
  }

  /** The key in {@code text}, if it has the key's exact format. */
  public static Optional<ApiKeyToken> parse(String text) {
    if (text == null || text.length() > 4 + PREFIX_LENGTH + MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(text);
    return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
  }

  /**
   * The key in an {@code Authorization} header value {@code Bearer <key>} (the scheme is
   * case-insensitive, RFC 9110 §11.1), if it has the key's format.
   */
  public static Optional<ApiKeyToken> fromBearer(String header) {
    int space = header == null ? -1 : header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    return parse(header.substring(space + 1).strip());
  }

  /** The whole key, {@code pr_<prefix>_<secret>}: show it once, never log it. */
  public String value() {
    return "pr_" + prefix + "_" + secret;
  }

  /** SHA-256 of the whole key: what {@code api_keys.secret_hash} stores. */
  public byte[] hash() {
    return sha256(value());
  }

  /** Compares {@code storedHash} with this key's hash in time independent of where they differ. */
  public boolean matches(byte[] storedHash) {
    return MessageDigest.isEqual(hash(), storedHash);
  }

  @Override
  public String toString() {
    return "pr_" + prefix + "_…";
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String base62(SecureRandom random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    return s.toString();
  }
}
