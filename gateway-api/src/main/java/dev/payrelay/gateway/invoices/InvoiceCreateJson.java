package dev.payrelay.gateway.invoices;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/invoices} (schema {@code InvoiceCreate}), read by {@link
 * CreateBodies}. Amounts stay the merchant's decimal strings; the use case converts them exactly. A
 * field left out is {@code null} here; an explicit JSON {@code null} is refused. Integers are
 * {@link BigInteger}s, so that one beyond {@code long} is a validation error of its field, not
 * unreadable JSON.
 */
record InvoiceCreateJson(
    CurrencyRef currency,
    List<LineItemCreate> lineItems,
    BuyerCreate buyer,
    String memo,
    String orderId,
    Map<String, String> metadata,
    BigInteger expiresInSeconds,
    List<String> paymentMethods,
    Boolean send) {

  /** {@code CurrencyRef}: an asset the node accepts on one of its chains. */
  record CurrencyRef(BigInteger chainId, String symbol) {}

  /** {@code LineItemCreate}: decimals as strings, {@code taxRate} and {@code discount} optional. */
  record LineItemCreate(
      String description, String quantity, String unitPrice, String taxRate, String discount) {}

  /** {@code BuyerCreate}: both optional. */
  record BuyerCreate(String name, String email) {}
}
