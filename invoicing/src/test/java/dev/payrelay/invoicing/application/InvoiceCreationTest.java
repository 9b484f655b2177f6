package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.ANVIL_XPUB;
import static dev.payrelay.invoicing.application.InvoicingFixture.PROXY;
import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.line;
import static dev.payrelay.invoicing.application.InvoicingFixture.request;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.testing.DevAccount;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** Creating invoices on a real PostgreSQL: exact prices, numbers, payment options, the outbox. */
class InvoiceCreationTest {

  static InvoicingFixture fx;
  static UUID store;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceCreationTest.class);
    store = fx.store(RECEIVING, ANVIL_XPUB);
  }

  @Test
  void pricesExactlyAndReadsBackTheSameInvoice() {
    CreateInvoice request =
        new CreateInvoice(
            store,
            1,
            "USDC",
            List.of(
                new LineItemRequest("Flat white", "2", "4.50", "8.1", null),
                new LineItemRequest("Croissant", "1", "3.20", null, "0.20"),
                new LineItemRequest("Beans", "0.333333", "19.99", "7.7", "0.01")),
            "Ada Lovelace",
            "ada@example.com",
            "Thanks!\nSee you.",
            "order-1042",
            Map.of("table", "7"),
            OptionalLong.of(900),
            new java.util.LinkedHashSet<>(
                List.of(PaymentMethod.DEPOSIT_ADDRESS, PaymentMethod.REFERENCE)));

    Invoice created = fx.invoices.create(request).block(Duration.ofSeconds(10));

    // 2 × 4.50 = 9.000000; tax 8.1 % = 0.729000. 3.20 - 0.20. 0.333333 × 19.99 = 6.66332667
    // → 6.663327 (half-up); less 0.01 = 6.653327; tax 7.7 % = 0.512306179 → 0.512306.
    assertThat(created.totals().lines())
        .extracting(l -> l.total().baseUnits())
        .containsExactly(
            BigInteger.valueOf(9_729_000),
            BigInteger.valueOf(3_000_000),
            BigInteger.valueOf(7_165_633));
    assertThat(created.totals().subtotal().toDecimalString()).isEqualTo("18.863327");
    assertThat(created.totals().discountTotal().toDecimalString()).isEqualTo("0.21");
    assertThat(created.totals().taxTotal().toDecimalString()).isEqualTo("1.241306");
    assertThat(created.totals().total().toDecimalString()).isEqualTo("19.894633");
    assertThat(created.humanNumber()).matches("INV-[0-9]{6}");
    assertThat(created.evaluation().status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(created.evaluation().exception()).isEqualTo(ExceptionStatus.NONE);
    assertThat(created.evaluation().amountDue()).isEqualTo(created.totals().total());
    assertThat(created.expiresAt()).isEqualTo(created.createdAt().plusSeconds(900));
    assertThat(created.payToken()).matches("[A-Za-z0-9_-]{32}");

    assertThat(created.paymentOptions()).hasSize(2);
    PaymentOption.ToDepositAddress deposit =
        (PaymentOption.ToDepositAddress) created.paymentOptions().get(0);
    PaymentOption.ByReference reference =
        (PaymentOption.ByReference) created.paymentOptions().get(1);
    assertThat(reference.recipient()).isEqualTo(RECEIVING);
    assertThat(reference.proxy()).isEqualTo(PROXY);
    assertThat(reference.reference()).matches("0x[0-9a-f]{32}");
    assertThat(reference.uri()).startsWith("ethereum:" + PROXY.toChecksumString() + "@1/");
    assertThat(deposit.uri()).contains("uint256=19894633");

    assertThat(fx.invoices.get(store, created.id()).block(Duration.ofSeconds(10)))
        .isEqualTo(created);
    assertThat(fx.expectations.of(created.id().toString()))
        .extracting(e -> e.route().getClass().getSimpleName())
        .containsExactlyInAnyOrder("ByReference", "ToDepositAddress");
    assertThat(
            fx.strings(
                "SELECT event_type || ' ' || (payload->>'v') || ' ' || (payload->'invoice'->>'number')"
                    + " || ' ' || (payload->'invoice'->'amounts'->>'total')"
                    + " FROM outbox WHERE ordering_key = '"
                    + created.id()
                    + "'"))
        .containsExactly("invoice.created 1 " + created.humanNumber() + " 19894633");
  }

  @Test
  void numbersCountPerStoreFromOne() {
    UUID first = fx.store(RECEIVING, null);
    UUID second = fx.store(RECEIVING, null);

    List<String> numbers =
        Flux.just(first, second, first, first, second)
            .concatMap(s -> fx.invoices.create(usdc(s, "1")))
            .map(i -> i.storeId().equals(first) ? "a" + i.humanNumber() : "b" + i.humanNumber())
            .collectList()
            .block(Duration.ofSeconds(20));

    assertThat(numbers)
        .containsExactly("aINV-000001", "bINV-000001", "aINV-000002", "aINV-000003", "bINV-000002");
  }

  @Test
  void fiftyConcurrentCreatesGetFiftyConsecutiveNumbers() {
    UUID busy = fx.store(RECEIVING, null);

    List<Long> numbers = createConcurrently(busy, 50).stream().map(Invoice::number).toList();

    assertThat(numbers)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 50).mapToObj(n -> (long) n).toList());
  }

  @Test
  void depositAddressesAreConsecutiveChildrenOfTheStoreXpub() {
    Invoice a =
        fx.invoices
            .create(
                request(
                    store, "ETH", List.of(line("A", "1", "0.1")), PaymentMethod.DEPOSIT_ADDRESS))
            .block(Duration.ofSeconds(10));
    Invoice b =
        fx.invoices
            .create(
                request(
                    store, "ETH", List.of(line("B", "1", "0.1")), PaymentMethod.DEPOSIT_ADDRESS))
            .block(Duration.ofSeconds(10));

    PaymentOption.ToDepositAddress first =
        (PaymentOption.ToDepositAddress) a.paymentOptions().get(0);
    PaymentOption.ToDepositAddress second =
        (PaymentOption.ToDepositAddress) b.paymentOptions().get(0);
    assertThat(second.index()).isEqualTo(first.index() + 1);
    // Anvil derives its accounts along the same path: child i is dev account i.
    assertThat(first.address().toChecksumString())
        .isEqualTo(DevAccount.derive((int) first.index()).address());
    assertThat(first.uri())
        .isEqualTo(
            "ethereum:" + first.address().toChecksumString() + "@1?value=100000000000000000");
    assertThat(a.paymentOptions()).hasSize(1);
  }

  @Test
  void everyInvoiceHasItsOwnReferenceAndTheStoreSecretIsMadeOnce() {
    UUID fresh = fx.store(RECEIVING, null);
    assertThat(
            fx.count(
                "SELECT count(*) FROM stores WHERE id = '"
                    + fresh
                    + "' AND reference_secret IS NULL"))
        .isEqualTo(1);

    Invoice a = fx.invoices.create(usdc(fresh, "1")).block(Duration.ofSeconds(10));
    List<String> secret =
        fx.strings("SELECT encode(reference_secret, 'hex') FROM stores WHERE id = '" + fresh + "'");
    Invoice b = fx.invoices.create(usdc(fresh, "1")).block(Duration.ofSeconds(10));

    assertThat(secret.get(0)).hasSize(64);
    assertThat(
            fx.strings(
                "SELECT encode(reference_secret, 'hex') FROM stores WHERE id = '" + fresh + "'"))
        .isEqualTo(secret);
    assertThat(reference(a)).isNotEqualTo(reference(b));
  }

  @Test
  void concurrentFirstCreatesOfAStoreAllDeriveFromTheOneSecretItKeeps() {
    UUID fresh = fx.store(RECEIVING, null);

    List<Invoice> created = createConcurrently(fresh, 20);

    byte[] secret =
        HexFormat.of()
            .parseHex(
                fx.strings(
                        "SELECT encode(reference_secret, 'hex') FROM stores WHERE id = '"
                            + fresh
                            + "'")
                    .get(0));
    assertThat(created)
        .hasSize(20)
        .allSatisfy(
            i ->
                assertThat(reference(i))
                    .isEqualTo(PaymentReference.derive(secret, i.id().toString()).hex()));
    assertThat(fx.count("SELECT count(*) FROM invoices WHERE store_id = '" + fresh + "'"))
        .isEqualTo(20);
  }

  /** {@code count} invoices for {@code store}, all created at once. */
  private static List<Invoice> createConcurrently(UUID store, int count) {
    return fx.createConcurrently(
        IntStream.range(0, count).mapToObj(i -> usdc(store, "1." + i)).toList());
  }

  private static String reference(Invoice invoice) {
    return ((PaymentOption.ByReference) invoice.paymentOptions().get(0)).reference();
  }
}
