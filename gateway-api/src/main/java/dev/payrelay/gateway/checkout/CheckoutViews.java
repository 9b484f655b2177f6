package dev.payrelay.gateway.checkout;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.Eip681;
import dev.payrelay.wallet.method.PaymentReference;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;

/** Builds the {@link CheckoutView} of a pay link. */
final class CheckoutViews {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Chains chains;
  private final CheckoutProperties properties;

  CheckoutViews(Chains chains, CheckoutProperties properties) {
    this.chains = chains;
    this.properties = properties;
  }

  static final String PAGE = "checkout/pay";

  /** The page of the pay link, with the notice of a proof just submitted (or null). */
  Rendering render(String token, Checkout checkout, ProofNotice notice, HttpStatus status) {
    return render(token, checkout, notice, status, List.of());
  }

  /** The page, its receipt listing the network nodes that confirmed it ({@code confirmations}). */
  Rendering render(
      String token,
      Checkout checkout,
      ProofNotice notice,
      HttpStatus status,
      List<NetworkAttestations.Confirmation> confirmations) {
    return Rendering.view(PAGE)
        .modelAttribute("page", of(token, checkout))
        .modelAttribute("notice", notice)
        .modelAttribute("confirmations", confirmations)
        .status(status)
        .build();
  }

  CheckoutView of(String token, Checkout checkout) {
    Invoice invoice = checkout.invoice();
    PageState state = checkout.state();
    TokenAmount due = invoice.evaluation().amountDue();
    Asset asset = invoice.currency();
    boolean payable = state.payable() && !due.isZero();
    List<PaymentOption> options = payable ? invoice.paymentOptions() : List.of();
    return new CheckoutView(
        token,
        checkout.storeName(),
        invoice.humanNumber(),
        state.css(),
        state.label(),
        payable,
        state.takesProofs(),
        !checkout.payments().isEmpty(),
        invoice.buyer() == null ? null : invoice.buyer().name(),
        invoice.memo(),
        invoice.orderId(),
        invoice.totals().lines().stream().map(CheckoutViews::line).toList(),
        money(invoice.totals().subtotal()),
        money(invoice.totals().discountTotal()),
        !invoice.totals().discountTotal().isZero(),
        money(invoice.totals().taxTotal()),
        money(invoice.totals().total()),
        money(invoice.evaluation().amountSeen()),
        money(due),
        describe(asset),
        chainName(asset),
        "0x" + Long.toHexString(asset.chain().value()),
        WHEN.format(invoice.createdAt()),
        WHEN.format(invoice.expiresAt()),
        invoice.expiresAt().toString(),
        options.stream().map(o -> option(o, due)).toList(),
        options.isEmpty() ? "[]" : WalletCalls.json(WalletCalls.of(options.get(0), due)),
        payments(invoice, checkout.payments()));
  }

  static String money(TokenAmount amount) {
    return amount.toDecimalString() + " " + amount.asset().symbol();
  }

  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static CheckoutView.Line line(PricedLine line) {
    return new CheckoutView.Line(
        line.item().description(),
        plain(line.item().quantity()),
        money(line.item().unitPrice()),
        line.discount().isZero() ? "" : "−" + money(line.discount()),
        plain(line.item().taxRatePercent()) + " %",
        money(line.tax()),
        money(line.total()));
  }

  private String chainName(Asset asset) {
    String name = chains.byId(asset.chain()).map(ChainConfig::name).orElse("chain");
    return name + " (" + chainLabel(asset) + ")";
  }

  /** "chain 1337": how messages name the chain of an asset. */
  static String chainLabel(Asset asset) {
    return "chain " + asset.chain().value();
  }

  private static String describe(Asset asset) {
    if (asset instanceof Asset.Erc20 token) {
      return token.symbol() + " (ERC-20 token " + token.contract().toChecksumString() + ")";
    }
    return asset.symbol() + " (native coin)";
  }

  /** The option for the amount still due: a partly paid invoice gets a fresh URI and QR code. */
  private static CheckoutView.Option option(PaymentOption option, TokenAmount due) {
    boolean token = due.asset() instanceof Asset.Erc20;
    TokenAmount noFee = TokenAmount.zero(due.asset());
    if (option instanceof PaymentOption.ByReference r) {
      PaymentReference reference = PaymentReference.parse(r.reference());
      String uri =
          token
              ? Eip681.proxyErc20Payment(
                  r.proxy(), r.recipient(), due, reference, noFee, Address.ZERO)
              : Eip681.proxyEtherPayment(
                  r.proxy(), r.recipient(), due, reference, noFee, Address.ZERO);
      return new CheckoutView.Option(
          "reference",
          "Pay through the payment contract",
          "Wallets that can call a contract: the payment carries this invoice's reference, so it"
              + " is matched to it automatically.",
          r.proxy().toChecksumString(),
          r.reference(),
          money(due),
          uri,
          token ? Eip681.erc20Approve(r.proxy(), due) : null,
          QrSvg.of(uri, "QR code of the payment request through the payment contract"));
    }
    PaymentOption.ToDepositAddress d = (PaymentOption.ToDepositAddress) option;
    String uri =
        token ? Eip681.erc20Transfer(d.address(), due) : Eip681.etherTransfer(d.address(), due);
    return new CheckoutView.Option(
        "deposit",
        "Send to this invoice's address",
        "Any wallet or exchange withdrawal: send exactly the amount to this address, on this"
            + " chain, in this currency. It belongs to this invoice alone.",
        d.address().toChecksumString(),
        null,
        money(due),
        uri,
        null,
        QrSvg.of(uri, "QR code of the payment request to the deposit address"));
  }

  private List<CheckoutView.PaymentRow> payments(Invoice invoice, List<Payment> payments) {
    List<CheckoutView.PaymentRow> rows = new ArrayList<>(payments.size());
    for (Payment p : payments) {
      String hash = p.key().tx().toString();
      rows.add(
          new CheckoutView.PaymentRow(
              hash,
              properties.transactionLink(p.key().chain().value(), hash).orElse(null),
              money(p.amount()),
              stateLabel(p),
              p.confirmations(),
              WHEN.format(p.firstSeenAt())));
    }
    return rows;
  }

  private static String stateLabel(Payment p) {
    switch (p.state()) {
      case SEEN:
        return "Waiting for confirmations";
      case CONFIRMED:
        return "Confirmed";
      case FINALIZED:
        return "Final";
      case REMOVED:
      default:
        return "Dropped by a chain reorganisation";
    }
  }
}
