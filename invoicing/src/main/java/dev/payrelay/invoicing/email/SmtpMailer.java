package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.outbox.PermanentDeliveryFailure;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends emails through an SMTP server with Jakarta Mail, one connection per email, on a scheduler
 * for blocking work (never on an event loop). A reply of the 5xx class to the recipient or the
 * message (RFC 5321 §4.2.1), or a malformed address, fails with {@link PermanentDeliveryFailure};
 * anything else (unreachable server, timeouts, 4xx replies, refused credentials) is worth a retry.
 */
final class SmtpMailer {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final SmtpSettings settings;
  private final Session session;
  private final Clock clock;

  SmtpMailer(SmtpSettings settings, Clock clock) {
    this.settings = settings;
    this.session = Session.getInstance(settings.sessionProperties());
    this.clock = clock;
  }

  Mono<Void> send(OutgoingEmail email) {
    return Mono.<Void>fromCallable(
            () -> {
              sendNow(email);
              return null;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(MessagingException.class, this::classify);
  }

  private void sendNow(OutgoingEmail email) throws MessagingException {
    MimeMessage message = message(email);
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(
          settings.host(),
          settings.port(),
          settings.authenticates() ? settings.username() : null,
          settings.authenticates() ? settings.password() : null);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private MimeMessage message(OutgoingEmail email) throws MessagingException {
    MimeMessage m = new FixedIdMessage(session, "<" + email.messageId() + ">");
    m.setFrom(address(email.fromAddress(), email.fromName()));
    if (email.replyTo().isPresent()) {
      m.setReplyTo(new Address[] {new InternetAddress(email.replyTo().get(), true)});
    }
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    m.setSubject(email.subject(), UTF_8);
    m.setSentDate(Date.from(clock.instant()));
    // RFC 3834: sent by a program, so auto-responders do not answer it.
    m.setHeader("Auto-Submitted", "auto-generated");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), UTF_8, "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  private static InternetAddress address(String address, String name) throws AddressException {
    InternetAddress parsed = new InternetAddress(address, true);
    try {
      return new InternetAddress(parsed.getAddress(), HeaderText.oneLine(name), UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /** A permanent failure, or the failure as it is, described with the server it came from. */
  private RuntimeException classify(Throwable failure) {
    String where = "SMTP " + settings.host() + ":" + settings.port() + ": ";
    for (Throwable e = failure; e != null; e = next(e)) {
      if (e instanceof AddressException) {
        return new PermanentDeliveryFailure("malformed address: " + e.getMessage(), failure);
      }
      int code = replyCode(e);
      if (code >= 500) {
        return new PermanentDeliveryFailure(
            where + "refused (" + e.getMessage().strip() + ")", failure);
      }
    }
    return new IllegalStateException(where + describe(failure), failure);
  }

  private static int replyCode(Throwable e) {
    if (e instanceof SMTPAddressFailedException a) {
      return a.getReturnCode();
    }
    if (e instanceof SMTPSendFailedException s) {
      return s.getReturnCode();
    }
    return -1;
  }

  private static Throwable next(Throwable e) {
    if (e instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return e.getCause() == e ? null : e.getCause();
  }

  private static String describe(Throwable e) {
    StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()).strip());
    Throwable cause = e.getCause();
    if (cause != null
        && cause.getMessage() != null
        && !out.toString().contains(cause.getMessage())) {
      out.append(" (").append(cause.getMessage().strip()).append(')');
    }
    return out.toString();
  }

  /** Keeps the Message-ID it was given: Jakarta Mail would make a new one on every save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
