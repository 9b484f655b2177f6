package dev.payrelay.gateway.checkout;

import static dev.payrelay.gateway.checkout.CheckoutNode.invoice;
import static dev.payrelay.gateway.invoices.Bodies.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.contract.ContractValidation;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.ReceivedEmail;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.invoicing.testing.TestMailServer;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A buyer's visit in a real browser (Debian's headless Chromium): an invoice is created through the
 * API with {@code "send": true}, GreenMail receives the invoice email, the pay link is taken out of
 * the email's HTML (and matches the API's) and opened, the items, total and QR codes are there, the
 * deposit address is paid on the dev chain, and the page turns to "Paid" by itself (Server-Sent
 * Events from the chain watcher's update, no reload). Screenshots of both states go to {@code
 * target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutBrowserTest {

  static final Database db = TestDatabase.fresh("CheckoutBrowser");
  static final int PORT = freePort();
  static final String BASE = "http://127.0.0.1:" + PORT;
  static final Duration PAID_WITHIN = Duration.ofSeconds(60);

  /** The dev account the injected browser wallet pays from. */
  static final DevAccount BUYER = DevAccount.derive(6);

  static final Dimension PHONE = new Dimension(390, 1800);
  static final Dimension DESKTOP = new Dimension(1200, 2400);

  static final TestMailServer smtp = TestMailServer.onFreePort().start();
  static final String BUYER_EMAIL = "buyer@example.org";

  static Browser browser;
  static InjectedWallet wallet;

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    CheckoutNode.register(registry, db, "checkout-browser");
    registry.add("server.port", () -> PORT);
    registry.add("payrelay.node.public-base-url", () -> BASE);
    registry.add("payrelay.checkout.proof-attempts", () -> 3);
    registry.add("payrelay.mail.host", () -> TestMailServer.HOST);
    registry.add("payrelay.mail.port", smtp::port);
    registry.add("payrelay.mail.starttls", () -> "disabled");
    registry.add("payrelay.outbox.poll-interval", () -> "100ms");
  }

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start(Path.of("target", "chromium-profile"));
    wallet = new InjectedWallet(browser.driver(), DevChain.shared().rpcUrl(), BUYER.address());
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    smtp.stop();
  }

  @BeforeEach
  void store() throws Exception {
    CheckoutNode.storeTakesBothMethods(db);
  }

  @Test
  void aBuyerOpensThePayLinkFromTheEmailPaysOnChainAndSeesPaidWithoutAReload() throws Exception {
    Map<String, Object> body =
        invoice(
            "ETH",
            List.of("deposit_address", "reference"),
            line("Espresso beans 1 kg", "2", "0.0125"));
    body.put("buyer", Map.of("name", "Ada", "email", BUYER_EMAIL));
    body.put("send", true);
    Map<String, Object> created = CheckoutNode.create(api(), body);
    @SuppressWarnings("unchecked")
    String apiLink = (String) ((Map<String, Object>) created.get("payLink")).get("url");

    ReceivedEmail email =
        smtp.awaitEmails(1, Duration.ofSeconds(60)).stream()
            .filter(e -> e.to().equals(BUYER_EMAIL))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no invoice email to " + BUYER_EMAIL));
    String payLink = email.payLinkFromHtml().toString();
    assertThat(payLink).startsWith(BASE + "/pay/").isEqualTo(apiLink);

    browser.driver().get(payLink);

    WebElement status = browser.driver().findElement(By.id("status"));
    assertThat(status.getText()).isEqualTo("Awaiting payment");
    assertThat(browser.driver().findElement(By.cssSelector("td.description")).getText())
        .isEqualTo("Espresso beans 1 kg");
    assertThat(browser.driver().findElement(By.id("total")).getText())
        .isEqualTo(CheckoutPagesTest.money(created, "total") + " ETH");
    List<WebElement> codes = browser.driver().findElements(By.cssSelector("svg.qr"));
    assertThat(codes).hasSize(2);
    assertThat(codes.get(0).getSize().getWidth()).isGreaterThan(100);
    assertThat(browser.driver().findElement(By.id("countdown")).getText()).contains("left");
    assertThat(browser.consoleErrors()).as("no CSP violation or script error").isEmpty();
    browser.screenshot("checkout-open.png");

    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.notReloaded = true;");
    pay(created);

    new WebDriverWait(browser.driver(), PAID_WITHIN)
        .withMessage("the page did not turn to Paid by itself")
        .until(d -> "Paid".equals(d.findElement(By.id("status")).getText()));
    assertThat(js.executeScript("return window.notReloaded === true;"))
        .as("the same page, not a reload")
        .isEqualTo(true);
    assertThat(browser.driver().findElement(By.id("amount-due")).getText()).isEqualTo("0 ETH");
    assertThat(browser.driver().findElement(By.id("status-change")).isDisplayed()).isTrue();
    assertThat(browser.driver().findElements(By.cssSelector("section.pay article.option")))
        .as("nothing left to pay")
        .allSatisfy(section -> assertThat(section.isDisplayed()).isFalse());
    browser.screenshot("checkout-paid.png");

    browser.driver().findElement(By.cssSelector("#status-change a")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("receipt-title")).isEmpty());
    assertThat(browser.driver().findElement(By.id("receipt-title")).getText()).isEqualTo("Receipt");
    browser.screenshot("checkout-receipt.png");
  }

  @Test
  void aBuyerPaysWithTheBrowserWalletButtonThroughThePaymentContract() throws Exception {
    Map<String, Object> created =
        CheckoutNode.create(
            api(),
            invoice("ETH", List.of("reference", "deposit_address"), line("Tea", "3", "0.001")));
    browser.driver().get((String) ((Map<?, ?>) created.get("payLink")).get("url"));
    WebElement button = browser.driver().findElement(By.id("wallet-pay"));
    assertThat(button.isDisplayed()).as("offered when a wallet is there").isTrue();
    browser.screenshot("checkout-wallet.png");
    browser.driver().manage().window().setSize(PHONE);
    assertThat(
            browser
                .driver()
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("nothing wider than a phone's screen")
        .isEqualTo(true);
    browser.screenshot("checkout-phone.png");
    browser.driver().manage().window().setSize(DESKTOP);

    button.click();
    wallet.serveUntil(
        () -> "Paid".equals(browser.driver().findElement(By.id("status")).getText()), PAID_WITHIN);
    wallet.serveUntil(
        () ->
            "true"
                .equals(
                    browser
                        .driver()
                        .findElement(By.id("wallet-message"))
                        .getAttribute("data-done")),
        Duration.ofSeconds(30));

    assertThat(browser.driver().findElement(By.id("wallet-message")).getText())
        .isIn(
            "Payment of 0.003 ETH found and confirmed.",
            "This transaction is already recorded for this invoice.");
    Map<String, Object> payments =
        dev.payrelay.gateway.TestNode.getJson(
            api(), "/v1/invoices/" + created.get("id") + "/payments");
    assertThat((List<?>) payments.get("data"))
        .singleElement()
        .satisfies(
            p -> assertThat(((Map<?, ?>) p).get("logIndex")).as("a proxy event").isNotEqualTo(-1));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /**
   * {@code payrelay.checkout.proof-attempts} is 3 here. Runs last: the wallet test's proof came
   * from the same client (this machine) within the window, so at most 3 more are answered.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void proofsAreRateLimitedPerClient() {
    Map<String, Object> created =
        CheckoutNode.create(
            api(), invoice("ETH", List.of("deposit_address"), line("Tea", "1", "0.001")));
    String path = CheckoutNode.payPath(created) + "/proof";
    boolean limited = false;
    for (int i = 0; i < 3 && !limited; i++) {
      int status = submit(path).expectBody().returnResult().getStatus().value();
      assertThat(status).as("a malformed hash, or the limit").isIn(400, 429);
      limited = status == 429;
    }
    submit(path)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:rate-limited");
  }

  private static WebTestClient.ResponseSpec submit(String path) {
    return api()
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("txHash", "0x12"))
        .exchange();
  }

  /** Pays the invoice's deposit address its total from a dev account. */
  @SuppressWarnings("unchecked")
  private static void pay(Map<String, Object> invoice) {
    Map<String, Object> option = ((List<Map<String, Object>>) invoice.get("paymentOptions")).get(0);
    assertThat(option).containsEntry("method", "deposit_address");
    String units = (String) ((Map<String, Object>) option.get("amount")).get("baseUnits");
    DevChain chain = DevChain.shared();
    new Eip1559Sender(
            chain.web3j(), DevAccount.derive(8).credentials(), ChainId.of(chain.chainId()))
        .send(Address.parse((String) option.get("address")), new BigInteger(units), "0x");
  }

  private static WebTestClient api() {
    return ContractValidation.validating(
        WebTestClient.bindToServer().baseUrl(BASE).responseTimeout(Duration.ofSeconds(30)).build());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
