package dev.payrelay.gateway.checkout;

import java.util.List;

/**
 * What the checkout template shows, already formatted: Thymeleaf only places (and escapes) these
 * strings. Merchant-supplied text (store name, buyer, memo, line descriptions) is kept as it is
 * here and escaped by the template ({@code th:text}); the one unescaped value is each option's
 * {@code qrSvg}, markup this node draws from numbers alone.
 */
record CheckoutView(
    String token,
    String storeName,
    String number,
    String state,
    String statusLabel,
    boolean payable,
    boolean takesProofs,
    boolean hasPayments,
    String buyerName,
    String memo,
    String orderId,
    List<Line> lines,
    String subtotal,
    String discountTotal,
    boolean hasDiscount,
    String taxTotal,
    String total,
    String amountPaid,
    String amountDue,
    String asset,
    String chain,
    String chainIdHex,
    String issuedAt,
    String expiresAt,
    String expiresAtIso,
    List<Option> options,
    String walletCalls,
    List<PaymentRow> payments) {

  CheckoutView {
    lines = List.copyOf(lines);
    options = List.copyOf(options);
    payments = List.copyOf(payments);
  }

  /** One line item. */
  record Line(
      String description,
      String quantity,
      String unitPrice,
      String discount,
      String taxRate,
      String tax,
      String total) {}

  /**
   * One way to pay the amount due: where to, a QR code of its EIP-681 URI, and the URI itself.
   *
   * @param reference the payment reference (reference method), else null
   * @param approveUri for a token through the payment contract: the {@code approve} a wallet app
   *     must send before {@code uri}; else null
   */
  record Option(
      String id,
      String title,
      String help,
      String address,
      String reference,
      String amount,
      String uri,
      String approveUri,
      String qrSvg) {}

  /** One payment as the receipt lists it; {@code link} is the block explorer's page, or null. */
  record PaymentRow(
      String txHash, String link, String amount, String state, long confirmations, String seenAt) {}
}
