package dev.payrelay.invoicing.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An email as a test SMTP server received it, with its plain-text and HTML parts and the pay link
 * taken out of each.
 *
 * <p>The pay link in the HTML part is the {@code href} of the {@code <a id="pay-link">} button (of
 * {@code <a id="receipt-link">} in a receipt); in the text part it is the one URL with a {@code
 * /pay/} path. Both are absolute: {@code <payrelay.node.public-base-url>/pay/<token>}.
 */
public final class ReceivedEmail {

  private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");
  private static final Pattern PAY_URL = Pattern.compile("https?://\\S+/pay/[A-Za-z0-9_-]+");

  private final MimeMessage message;
  private final String text;
  private final String html;

  private ReceivedEmail(MimeMessage message, String text, String html) {
    this.message = message;
    this.text = text;
    this.html = html;
  }

  static ReceivedEmail of(MimeMessage message) {
    try {
      List<String> texts = new ArrayList<>();
      List<String> htmls = new ArrayList<>();
      collect(message, texts, htmls);
      return new ReceivedEmail(
          message, texts.isEmpty() ? null : texts.get(0), htmls.isEmpty() ? null : htmls.get(0));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable email", e);
    }
  }

  private static void collect(Part part, List<String> texts, List<String> htmls)
      throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      texts.add((String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      htmls.add((String) part.getContent());
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, texts, htmls);
      }
    }
  }

  public MimeMessage message() {
    return message;
  }

  /** The text/plain part; fails if there is none. */
  public String text() {
    if (text == null) {
      throw new AssertionError("the email has no text/plain part");
    }
    return text;
  }

  /** The text/html part; fails if there is none. */
  public String html() {
    if (html == null) {
      throw new AssertionError("the email has no text/html part");
    }
    return html;
  }

  public String subject() {
    return get(() -> message.getSubject());
  }

  /** The Content-Type of the whole message, e.g. {@code multipart/alternative; boundary=…}. */
  public String contentType() {
    return get(() -> message.getContentType());
  }

  public String to() {
    return get(
        () -> ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
  }

  public InternetAddress from() {
    return get(() -> (InternetAddress) message.getFrom()[0]);
  }

  public Optional<String> replyTo() {
    return get(
        () -> {
          String[] header = message.getHeader("Reply-To");
          return header == null
              ? Optional.empty()
              : Optional.of(((InternetAddress) message.getReplyTo()[0]).getAddress());
        });
  }

  public String messageId() {
    return get(() -> message.getMessageID());
  }

  /** The pay link of an invoice email's HTML part: the {@code href} of {@code id="pay-link"}. */
  public URI payLinkFromHtml() {
    return linkFromHtml("pay-link");
  }

  /** The {@code href} of the anchor {@code <a id="…">} in the HTML part, entities decoded. */
  public URI linkFromHtml(String anchorId) {
    Matcher anchors = ANCHOR.matcher(html());
    while (anchors.find()) {
      String tag = anchors.group();
      if (tag.contains("id=\"" + anchorId + "\"")) {
        Matcher href = HREF.matcher(tag);
        if (!href.find()) {
          throw new AssertionError("<a id=\"" + anchorId + "\"> has no href: " + tag);
        }
        return URI.create(unescape(href.group(1)));
      }
    }
    throw new AssertionError("no <a id=\"" + anchorId + "\"> in the HTML part:\n" + html());
  }

  /**
   * The one pay link ({@code …/pay/<token>}) of the text part; fails if there is not exactly one.
   */
  public URI payLinkFromText() {
    Matcher m = PAY_URL.matcher(text());
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    if (found.stream().distinct().count() != 1) {
      throw new AssertionError("expected one pay link in the text part, found " + found);
    }
    return URI.create(found.get(0));
  }

  private static String unescape(String attribute) {
    return attribute
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private interface MailCall<T> {
    T call() throws MessagingException;
  }

  private static <T> T get(MailCall<T> call) {
    try {
      return call.call();
    } catch (MessagingException e) {
      throw new IllegalStateException("unreadable email", e);
    }
  }
}
