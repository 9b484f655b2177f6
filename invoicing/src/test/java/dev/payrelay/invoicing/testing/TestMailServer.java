package dev.payrelay.invoicing.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server for tests (GreenMail), on a port chosen when this object is made, so that a
 * node can be configured with it before it starts, and it can be stopped and started again (an SMTP
 * outage) on the same port. Every message it receives is kept until {@link #reset()}.
 *
 * <pre>{@code
 * TestMailServer smtp = TestMailServer.onFreePort();
 * smtp.start();
 * // configure payrelay.mail.host=127.0.0.1, payrelay.mail.port=smtp.port(), starttls=disabled
 * ReceivedEmail email = smtp.awaitEmails(1, Duration.ofSeconds(20)).get(0);
 * URI payLink = email.payLinkFromHtml();
 * }</pre>
 */
public final class TestMailServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";

  private final int port;
  private final GreenMail greenMail;

  private TestMailServer(int port) {
    this.port = port;
    this.greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
  }

  /** A server (not started) on a port that was free a moment ago. */
  public static TestMailServer onFreePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return new TestMailServer(probe.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the test SMTP server", e);
    }
  }

  public int port() {
    return port;
  }

  public TestMailServer start() {
    greenMail.start();
    return this;
  }

  /** Stops listening: connections are refused until {@link #start()}. Received mail is kept. */
  public void stop() {
    greenMail.stop();
  }

  public boolean running() {
    return greenMail.isRunning();
  }

  /** Forgets the messages received so far. */
  public void reset() {
    try {
      greenMail.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException("could not purge the test SMTP server", e);
    }
  }

  /** Every message received so far, oldest first. */
  public List<ReceivedEmail> emails() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(ReceivedEmail::of).toList();
  }

  /** Waits (bounded) until at least {@code count} messages have arrived; fails if they do not. */
  public List<ReceivedEmail> awaitEmails(int count, Duration timeout) {
    if (!greenMail.waitForIncomingEmail(timeout.toMillis(), count)) {
      MimeMessage[] got = greenMail.getReceivedMessages();
      throw new AssertionError(
          "expected " + count + " email(s) within " + timeout + ", got " + got.length);
    }
    return emails();
  }

  @Override
  public void close() {
    if (greenMail.isRunning()) {
      greenMail.stop();
    }
  }
}
