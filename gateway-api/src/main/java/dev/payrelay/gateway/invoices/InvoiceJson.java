package dev.payrelay.gateway.invoices;

import dev.payrelay.invoicing.application.InvoicePage;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.invoicing.email.EmailStatus;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.Eip681;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The contract's {@code Invoice} and {@code InvoicePage}, built from the domain's invoice. */
record InvoiceJson(
    String id,
    String number,
    String status,
    String exception,
    CurrencyJson currency,
    List<LineJson> lineItems,
    MoneyJson subtotal,
    MoneyJson discountTotal,
    MoneyJson taxTotal,
    MoneyJson total,
    MoneyJson amountPaid,
    MoneyJson amountDue,
    BuyerJson buyer,
    String memo,
    String orderId,
    Map<String, String> metadata,
    List<String> paymentMethods,
    List<PaymentOptionJson> paymentOptions,
    PayLinkJson payLink,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    Instant voidedAt,
    List<InvoiceEmailJson> emails,
    String networkRef) {

  /**
   * @param emails the invoice's emails, oldest first
   * @param home this node's peer id: with the invoice id, the invoice's name in the settlement
   *     network
   */
  static InvoiceJson of(Invoice invoice, PayLinks payLinks, List<EmailStatus> emails, String home) {
    Totals totals = invoice.totals();
    Evaluation evaluation = invoice.evaluation();
    List<PaymentOption> options = invoice.paymentOptions();
    return new InvoiceJson(
        invoice.id().toString(),
        invoice.humanNumber(),
        evaluation.status().name(),
        evaluation.exception().name(),
        CurrencyJson.of(invoice.currency()),
        totals.lines().stream().map(LineJson::of).toList(),
        MoneyJson.of(totals.subtotal()),
        MoneyJson.of(totals.discountTotal()),
        MoneyJson.of(totals.taxTotal()),
        MoneyJson.of(totals.total()),
        MoneyJson.of(evaluation.amountSeen()),
        MoneyJson.of(evaluation.amountDue()),
        new BuyerJson(invoice.buyer().name(), invoice.buyer().email()),
        invoice.memo(),
        invoice.orderId(),
        invoice.metadata(),
        options.stream().map(PaymentOption::method).map(PaymentMethod::wireName).toList(),
        options.stream().map(PaymentOptionJson::of).toList(),
        new PayLinkJson(invoice.payToken(), payLinks.url(invoice.payToken()).toString()),
        invoice.expiresAt(),
        invoice.createdAt(),
        invoice.updatedAt(),
        invoice.voidedAt().orElse(null),
        emails.stream().map(InvoiceEmailJson::of).toList(),
        home + ":" + invoice.id());
  }

  /** {@code InvoicePage}: {@code nextCursor} is null on the last page. */
  record PageJson(List<InvoiceJson> data, String nextCursor) {
    static PageJson of(
        InvoicePage page, PayLinks payLinks, Map<UUID, List<EmailStatus>> emails, String home) {
      return new PageJson(
          page.data().stream()
              .map(i -> InvoiceJson.of(i, payLinks, emails.getOrDefault(i.id(), List.of()), home))
              .toList(),
          page.nextCursor().orElse(null));
    }
  }

  /** {@code Money}: the decimal and the base units, both strings so no parser rounds them. */
  record MoneyJson(String amount, String baseUnits) {
    static MoneyJson of(TokenAmount amount) {
      return new MoneyJson(amount.toDecimalString(), amount.baseUnits().toString());
    }
  }

  record CurrencyJson(long chainId, String symbol, int decimals, String asset) {
    static CurrencyJson of(Asset asset) {
      return new CurrencyJson(
          asset.chain().value(), asset.symbol(), asset.decimals(), asset.caip19());
    }
  }

  /** {@code LineItem}: quantity and tax rate as given, the amounts exact. */
  record LineJson(
      String description,
      String quantity,
      String unitPrice,
      String taxRate,
      MoneyJson amount,
      MoneyJson discount,
      MoneyJson tax,
      MoneyJson total) {
    static LineJson of(PricedLine line) {
      return new LineJson(
          line.item().description(),
          line.item().quantity().toPlainString(),
          line.item().unitPrice().toDecimalString(),
          line.item().taxRatePercent().toPlainString(),
          MoneyJson.of(line.amount()),
          MoneyJson.of(line.discount()),
          MoneyJson.of(line.tax()),
          MoneyJson.of(line.total()));
    }
  }

  record BuyerJson(String name, String email) {}

  record PayLinkJson(String token, String url) {}

  /** {@code PaymentOption}: one of the two records below, told apart by {@code method}. */
  sealed interface PaymentOptionJson {
    static PaymentOptionJson of(PaymentOption option) {
      if (option instanceof PaymentOption.ByReference r) {
        return new ReferenceJson(
            r.method().wireName(),
            r.recipient().toChecksumString(),
            r.proxy().toChecksumString(),
            r.reference(),
            MoneyJson.of(r.amount()),
            r.uri(),
            r.amount().asset() instanceof Asset.Erc20
                ? Eip681.erc20Approve(r.proxy(), r.amount())
                : null);
      }
      PaymentOption.ToDepositAddress d = (PaymentOption.ToDepositAddress) option;
      return new DepositJson(
          d.method().wireName(), d.address().toChecksumString(), MoneyJson.of(d.amount()), d.uri());
    }
  }

  /** {@code ReferencePaymentOption}; {@code approveUri} is null for the native coin. */
  record ReferenceJson(
      String method,
      String recipient,
      String proxy,
      String reference,
      MoneyJson amount,
      String uri,
      String approveUri)
      implements PaymentOptionJson {}

  /** {@code DepositAddressPaymentOption}. */
  record DepositJson(String method, String address, MoneyJson amount, String uri)
      implements PaymentOptionJson {}
}
