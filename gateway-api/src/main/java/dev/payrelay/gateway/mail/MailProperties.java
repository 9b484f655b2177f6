package dev.payrelay.gateway.mail;

import dev.payrelay.invoicing.email.SmtpSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMTP server the node sends invoice and receipt emails through ({@code payrelay.mail.*}, env
 * {@code PAYRELAY_MAIL_*}). Without a {@code host} the node starts all the same: emails are queued
 * and wait until one is configured.
 *
 * @param host the SMTP server; empty for none
 * @param port 587 (submission with STARTTLS) unless told otherwise; 465 with {@code implicit-tls}
 * @param starttls {@code required} (never send in the clear), {@code optional}, or {@code disabled}
 * @param implicitTls TLS from the first byte ("SMTPS", port 465) instead of STARTTLS
 * @param username empty when the server needs no authentication
 * @param from the sender address of stores that have none of their own
 * @param connectTimeout how long to wait for the server to accept the connection
 * @param readTimeout how long to wait for each reply of the server
 * @param writeTimeout how long one write to the server may take
 */
@ConfigurationProperties("payrelay.mail")
@Validated
public record MailProperties(
    @Size(max = 253) String host,
    @Min(1) @Max(65_535) @DefaultValue("587") int port,
    @NotNull @DefaultValue("required") SmtpSettings.StartTls starttls,
    @DefaultValue("false") boolean implicitTls,
    @Size(max = 254) String username,
    @Size(max = 1024) String password,
    @NotNull
        @Pattern(
            regexp = ADDRESS,
            message = "must be a plain email address, e.g. billing@example.com")
        @DefaultValue("payrelay@localhost")
        String from,
    @NotNull @DefaultValue("10s") Duration connectTimeout,
    @NotNull @DefaultValue("30s") Duration readTimeout,
    @NotNull @DefaultValue("30s") Duration writeTimeout) {

  /** An address without display name: one {@code @}, no spaces, brackets, quotes or commas. */
  static final String ADDRESS = "^[^\\s@<>\",]{1,64}@[^\\s@<>\",]{1,253}$";

  /** The SMTP settings, or empty when no host is configured. */
  public Optional<SmtpSettings> smtp() {
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SmtpSettings(
            host.strip(),
            port,
            starttls,
            implicitTls,
            username,
            password,
            connectTimeout,
            readTimeout,
            writeTimeout));
  }

  @Override
  public String toString() {
    return "MailProperties[host=" + host + ", port=" + port + ", from=" + from + "]";
  }
}
