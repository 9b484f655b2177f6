package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PricedLine;

/**
 * The downloadable PDFs of a pay link: the invoice (what is asked, and how to pay it) and the
 * receipt (what was paid, by which transactions). Text only, laid out by {@link PdfText}.
 */
final class CheckoutPdfs {

  private final CheckoutViews views;
  private final PayLinks payLinks;

  CheckoutPdfs(CheckoutViews views, PayLinks payLinks) {
    this.views = views;
    this.payLinks = payLinks;
  }

  byte[] invoice(Checkout checkout) {
    Invoice invoice = checkout.invoice();
    CheckoutView page = views.of(invoice.payToken(), checkout);
    try (PdfText pdf = new PdfText("Invoice " + page.number())) {
      pdf.heading("Invoice " + page.number()).line(page.storeName());
      header(pdf, page);
      items(pdf, invoice, page);
      pdf.subheading("Payment")
          .line("Paid so far: " + page.amountPaid())
          .strong("Amount due: " + page.amountDue())
          .line("Currency: " + page.asset())
          .line("Chain: " + page.chain())
          .line("Status: " + page.statusLabel())
          .line("Pay online at:")
          .code(payLinks.url(invoice.payToken()).toString());
      for (CheckoutView.Option option : page.options()) {
        pdf.space(4).strong(option.title()).code(option.address());
        if (option.reference() != null) {
          pdf.line("Payment reference:").code(option.reference());
        }
      }
      return pdf.toBytes();
    }
  }

  byte[] receipt(Checkout checkout) {
    Invoice invoice = checkout.invoice();
    CheckoutView page = views.of(invoice.payToken(), checkout);
    try (PdfText pdf = new PdfText("Receipt for " + page.number())) {
      pdf.heading("Receipt").line(page.storeName()).line("For invoice " + page.number());
      header(pdf, page);
      items(pdf, invoice, page);
      pdf.subheading("Paid")
          .strong("Amount paid: " + page.amountPaid())
          .line("Amount due: " + page.amountDue())
          .line("Status: " + page.statusLabel())
          .line("Chain: " + page.chain());
      pdf.subheading("Transactions");
      for (int i = 0; i < page.payments().size(); i++) {
        CheckoutView.PaymentRow row = page.payments().get(i);
        Payment payment = checkout.payments().get(i);
        pdf.space(2)
            .line(row.amount() + " - " + row.state() + " - seen " + row.seenAt())
            .code(
                row.txHash()
                    + (payment.key().logIndex() >= 0 ? " log " + payment.key().logIndex() : ""));
        if (row.link() != null) {
          pdf.code(row.link());
        }
      }
      return pdf.toBytes();
    }
  }

  private static void header(PdfText pdf, CheckoutView page) {
    pdf.space(4).line("Issued: " + page.issuedAt()).line("Expires: " + page.expiresAt());
    if (page.buyerName() != null) {
      pdf.line("Billed to: " + page.buyerName());
    }
    if (page.orderId() != null) {
      pdf.line("Order: " + page.orderId());
    }
    if (page.memo() != null) {
      pdf.line("Note: " + page.memo());
    }
  }

  private static void items(PdfText pdf, Invoice invoice, CheckoutView page) {
    pdf.subheading("Items");
    for (int i = 0; i < page.lines().size(); i++) {
      CheckoutView.Line line = page.lines().get(i);
      PricedLine priced = invoice.totals().lines().get(i);
      pdf.space(2).strong(line.description());
      StringBuilder detail =
          new StringBuilder(line.quantity()).append(" x ").append(line.unitPrice());
      if (!priced.discount().isZero()) {
        detail.append(", discount ").append(CheckoutViews.money(priced.discount()));
      }
      detail.append(", tax ").append(line.taxRate()).append(": ").append(line.tax());
      pdf.line(detail.toString()).line("Line total: " + line.total());
    }
    pdf.space(6).line("Subtotal: " + page.subtotal());
    if (page.hasDiscount()) {
      pdf.line("Discounts: -" + page.discountTotal());
    }
    pdf.line("Tax: " + page.taxTotal()).strong("Total: " + page.total());
  }
}
