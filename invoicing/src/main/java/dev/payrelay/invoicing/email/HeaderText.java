package dev.payrelay.invoicing.email;

/**
 * Merchant-supplied text bound for a mail header (subject, display name): control characters, line
 * breaks above all, become spaces, so no text can end a header and start another.
 */
final class HeaderText {

  /** Characters of a display name or subject part kept at most. */
  static final int MAX_CHARS = 200;

  private HeaderText() {}

  static String oneLine(String text) {
    String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return flat.length() > MAX_CHARS ? flat.substring(0, MAX_CHARS) : flat;
  }
}
