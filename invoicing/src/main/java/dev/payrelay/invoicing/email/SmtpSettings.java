package dev.payrelay.invoicing.email;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * How to reach the SMTP server (RFC 5321) that relays the node's emails.
 *
 * @param startTls whether to upgrade the connection with STARTTLS (RFC 3207)
 * @param implicitTls TLS from the first byte ("SMTPS", usually port 465) instead of STARTTLS
 * @param username empty for a server that needs no authentication
 */
public record SmtpSettings(
    String host,
    int port,
    StartTls startTls,
    boolean implicitTls,
    String username,
    String password,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout) {

  /** STARTTLS: never, when the server offers it, or always (refuse to send in the clear). */
  public enum StartTls {
    DISABLED,
    OPTIONAL,
    REQUIRED
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(startTls, "startTls");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the SMTP port must be 1 to 65535: " + port);
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  boolean authenticates() {
    return !username.isEmpty();
  }

  /** The Jakarta Mail session properties ({@code mail.smtp.*}) these settings stand for. */
  Properties sessionProperties() {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", Integer.toString(port));
    p.put("mail.smtp.auth", Boolean.toString(authenticates()));
    p.put("mail.smtp.connectiontimeout", millis(connectTimeout));
    p.put("mail.smtp.timeout", millis(readTimeout));
    p.put("mail.smtp.writetimeout", millis(writeTimeout));
    p.put("mail.smtp.ssl.enable", Boolean.toString(implicitTls));
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    p.put("mail.smtp.starttls.enable", Boolean.toString(startTls != StartTls.DISABLED));
    p.put("mail.smtp.starttls.required", Boolean.toString(startTls == StartTls.REQUIRED));
    return p;
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }

  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", starttls " + startTls + "]";
  }
}
