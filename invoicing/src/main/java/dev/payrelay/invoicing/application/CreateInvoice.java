package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.PaymentMethod;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * A request to create an invoice, as the API received it: amounts are still the merchant's decimal
 * strings, converted exactly with the currency's decimals by {@link Invoices#create}. Field names
 * in violations follow the API's JSON names.
 *
 * @param chainId with {@code currencySymbol}, the asset the invoice is in (e.g. USDC on chain 1)
 * @param expiresInSeconds empty for the store's default
 * @param paymentMethods empty for {@code reference}
 * @param send whether to email the invoice to {@code buyerEmail} (required then) once created
 */
public record CreateInvoice(
    UUID storeId,
    long chainId,
    String currencySymbol,
    List<LineItemRequest> lineItems,
    String buyerName,
    String buyerEmail,
    String memo,
    String orderId,
    Map<String, String> metadata,
    OptionalLong expiresInSeconds,
    Set<PaymentMethod> paymentMethods,
    boolean send) {

  /** A request that emails nothing. */
  public CreateInvoice(
      UUID storeId,
      long chainId,
      String currencySymbol,
      List<LineItemRequest> lineItems,
      String buyerName,
      String buyerEmail,
      String memo,
      String orderId,
      Map<String, String> metadata,
      OptionalLong expiresInSeconds,
      Set<PaymentMethod> paymentMethods) {
    this(
        storeId,
        chainId,
        currencySymbol,
        lineItems,
        buyerName,
        buyerEmail,
        memo,
        orderId,
        metadata,
        expiresInSeconds,
        paymentMethods,
        false);
  }

  /**
   * @param quantity decimal string, e.g. {@code "1.5"}
   * @param unitPrice decimal string in the currency, e.g. {@code "19.99"}
   * @param taxRate percent as a decimal string, {@code null} for 0
   * @param discount decimal string in the currency, {@code null} for 0
   */
  public record LineItemRequest(
      String description, String quantity, String unitPrice, String taxRate, String discount) {}
}
