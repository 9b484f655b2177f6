package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.Violation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The limits of an invoice's free-form fields, as the API contract states them. */
final class FieldRules {

  static final int MAX_BUYER_NAME_CHARS = 200;
  static final int MAX_EMAIL_CHARS = 254;
  static final int MAX_EMAIL_LOCAL_PART_CHARS = 64;
  static final int MAX_MEMO_CHARS = 1000;
  static final int MAX_ORDER_ID_CHARS = 100;
  static final int MAX_METADATA_KEYS = 20;
  static final int MAX_METADATA_KEY_CHARS = 40;
  static final int MAX_METADATA_VALUE_CHARS = 500;
  static final long MIN_EXPIRY_SECONDS = 60;
  static final long MAX_EXPIRY_SECONDS = 2_592_000;

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._:-]+");

  /** One {@code @}; no spaces or controls; a dotted domain without empty labels. */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern CONTROL_BUT_LINE_BREAKS =
      Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

  private FieldRules() {}

  static void buyerName(String name, List<Violation> violations) {
    text(name, "buyer.name", 1, MAX_BUYER_NAME_CHARS, CONTROL, violations);
  }

  static void buyerEmail(String email, List<Violation> violations) {
    if (email == null) {
      return;
    }
    if (email.length() > MAX_EMAIL_CHARS) {
      violations.add(
          new Violation("buyer.email", "must be at most " + MAX_EMAIL_CHARS + " characters"));
    } else if (!EMAIL.matcher(email).matches()) {
      violations.add(new Violation("buyer.email", "must be an email address"));
    }
  }

  static void memo(String memo, List<Violation> violations) {
    text(memo, "memo", 0, MAX_MEMO_CHARS, CONTROL_BUT_LINE_BREAKS, violations);
  }

  static void orderId(String orderId, List<Violation> violations) {
    if (orderId == null) {
      return;
    }
    if (orderId.isEmpty() || orderId.length() > MAX_ORDER_ID_CHARS) {
      violations.add(
          new Violation("orderId", "must be 1 to " + MAX_ORDER_ID_CHARS + " characters"));
    } else if (!ORDER_ID.matcher(orderId).matches()) {
      violations.add(
          new Violation("orderId", "may contain only letters, digits and the characters . _ : -"));
    }
  }

  static void metadata(Map<String, String> metadata, List<Violation> violations) {
    if (metadata == null) {
      return;
    }
    if (metadata.size() > MAX_METADATA_KEYS) {
      violations.add(new Violation("metadata", "has at most " + MAX_METADATA_KEYS + " keys"));
      return;
    }
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isEmpty() || key.length() > MAX_METADATA_KEY_CHARS) {
        violations.add(
            new Violation(
                "metadata",
                "keys are 1 to " + MAX_METADATA_KEY_CHARS + " characters: '" + cut(key)));
      } else if (e.getValue() == null) {
        violations.add(new Violation("metadata." + key, "must be a string"));
      } else if (e.getValue().length() > MAX_METADATA_VALUE_CHARS) {
        violations.add(
            new Violation(
                "metadata." + key, "must be at most " + MAX_METADATA_VALUE_CHARS + " characters"));
      }
    }
  }

  static void expiry(long seconds, List<Violation> violations) {
    if (seconds < MIN_EXPIRY_SECONDS || seconds > MAX_EXPIRY_SECONDS) {
      violations.add(
          new Violation(
              "expiresInSeconds",
              "must be between "
                  + MIN_EXPIRY_SECONDS
                  + " and "
                  + MAX_EXPIRY_SECONDS
                  + " (30 days)"));
    }
  }

  private static void text(
      String value, String field, int min, int max, Pattern forbidden, List<Violation> violations) {
    if (value == null) {
      return;
    }
    if (value.length() < min || value.length() > max) {
      violations.add(new Violation(field, "must be " + min + " to " + max + " characters"));
    } else if (forbidden.matcher(value).find()) {
      violations.add(new Violation(field, "must not contain control characters"));
    }
  }

  private static String cut(String key) {
    if (key == null) {
      return "null'";
    }
    return (key.length() > MAX_METADATA_KEY_CHARS ? key.substring(0, 20) + "…" : key) + "'";
  }
}
