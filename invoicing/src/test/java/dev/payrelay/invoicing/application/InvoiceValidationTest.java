package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.line;
import static dev.payrelay.invoicing.application.InvoicingFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.Violation;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests: every violation at once, with the API's field paths, and nothing written. */
class InvoiceValidationTest {

  static final ChainConfig NO_PROXY_CHAIN =
      new ChainConfig(
          ChainId.of(10),
          "optimism",
          URI.create("http://127.0.0.1:1"),
          1,
          Asset.ether(ChainId.of(10)),
          List.of(),
          List.of());

  static InvoicingFixture fx;
  static UUID store;

  @BeforeAll
  static void start() {
    fx =
        InvoicingFixture.start(
            InvoiceValidationTest.class, List.of(InvoicingFixture.mainnet(), NO_PROXY_CHAIN));
    store = fx.store(RECEIVING, null);
  }

  @Test
  void reportsEveryViolationWithItsPathAndWritesNothing() {
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < 21; i++) {
      metadata.put("k" + i, "v");
    }
    CreateInvoice bad =
        new CreateInvoice(
            store,
            1,
            "USDC",
            List.of(
                new LineItemRequest("Zero", "0", "1.1234567", null, null),
                new LineItemRequest("", "1", "1", "101", null),
                new LineItemRequest("Discounted", "1", "1", null, "2"),
                new LineItemRequest("Odd", "1e3", "-1", "5.12345", "0x10")),
            "x".repeat(201),
            "not an email",
            "m".repeat(1001),
            "bad id!",
            metadata,
            OptionalLong.of(59),
            Set.of(PaymentMethod.DEPOSIT_ADDRESS));
    long numberBefore = nextNumber();

    assertThatThrownBy(() -> fx.invoices.create(bad).block(Duration.ofSeconds(10)))
        .isInstanceOf(InvalidInvoiceException.class)
        .extracting(e -> ((InvalidInvoiceException) e).violations(), list(Violation.class))
        .extracting(Violation::field)
        .containsExactly(
            "lineItems[0].unitPrice",
            "lineItems[0].quantity",
            "lineItems[1].description",
            "lineItems[1].taxRate",
            "lineItems[2].discount",
            "lineItems[3].quantity",
            "lineItems[3].taxRate",
            "lineItems[3].unitPrice",
            "lineItems[3].discount",
            "buyer.name",
            "buyer.email",
            "memo",
            "orderId",
            "metadata",
            "expiresInSeconds",
            "paymentMethods");

    assertThat(fx.count("SELECT count(*) FROM invoices")).isZero();
    assertThat(fx.count("SELECT count(*) FROM invoice_line_items")).isZero();
    assertThat(fx.count("SELECT count(*) FROM outbox")).isZero();
    assertThat(nextNumber()).isEqualTo(numberBefore);
    assertThat(fx.expectations.size()).isZero();
  }

  @Test
  void anUnknownChainOrCurrencyIsAViolationOnCurrency() {
    assertThat(violations(withCurrency(5, "USDC")))
        .containsExactly(
            new Violation("currency", "chain 5 is not served by this node (it serves 1, 10)"));
    assertThat(violations(withCurrency(1, "DAI")))
        .containsExactly(
            new Violation(
                "currency",
                "'DAI' is not accepted on chain mainnet (1); accepted (case-sensitive): ETH, USDC"));
    assertThat(violations(withCurrency(1, "usdc")))
        .extracting(Violation::field)
        .containsExactly("currency");
  }

  @Test
  void anUnknownCurrencyStillReportsTheLinesMistakes() {
    CreateInvoice request =
        new CreateInvoice(
            store,
            1,
            "DAI",
            List.of(new LineItemRequest("", "1", "1,5", null, null)),
            null,
            null,
            null,
            null,
            Map.of(),
            OptionalLong.empty(),
            Set.of());

    assertThat(violations(request))
        .extracting(Violation::field)
        .containsExactly("currency", "lineItems[0].unitPrice", "lineItems[0].description");
  }

  @Test
  void aMissingReceivingAddressXpubOrProxySaysWhatToConfigure() {
    UUID bare = fx.store(null, null);
    CreateInvoice both =
        request(
            bare,
            "USDC",
            List.of(line("A", "1", "1")),
            PaymentMethod.REFERENCE,
            PaymentMethod.DEPOSIT_ADDRESS);

    assertThat(violations(both))
        .extracting(Violation::message)
        .anySatisfy(m -> assertThat(m).contains("receiving address"))
        .anySatisfy(m -> assertThat(m).contains("extended public key"))
        .allSatisfy(m -> assertThat(m).contains("store's settings"));

    CreateInvoice noProxy =
        new CreateInvoice(
            store,
            10,
            "ETH",
            List.of(line("A", "1", "1")),
            null,
            null,
            null,
            null,
            Map.of(),
            OptionalLong.empty(),
            Set.of());
    assertThat(violations(noProxy))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("payment-proxies", "optimism"));
  }

  private static CreateInvoice withCurrency(long chain, String symbol) {
    return new CreateInvoice(
        store,
        chain,
        symbol,
        List.of(line("A", "1", "1")),
        null,
        null,
        null,
        null,
        Map.of(),
        OptionalLong.empty(),
        new LinkedHashSet<>());
  }

  private static List<Violation> violations(CreateInvoice request) {
    try {
      fx.invoices.create(request).block(Duration.ofSeconds(10));
    } catch (InvalidInvoiceException e) {
      return e.violations();
    }
    throw new AssertionError("expected violations for " + request);
  }

  private static long nextNumber() {
    return fx.count("SELECT next_invoice_number FROM stores WHERE id = '" + store + "'");
  }
}
