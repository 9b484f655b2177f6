package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.invoices.InvoiceCreateJson.BuyerCreate;
import dev.payrelay.gateway.invoices.InvoiceCreateJson.CurrencyRef;
import dev.payrelay.gateway.invoices.InvoiceCreateJson.LineItemCreate;
import dev.payrelay.invoicing.application.CreateInvoice;
import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.PaymentMethod;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Turns an {@link InvoiceCreateJson} into the use case's {@link CreateInvoice}, after checking what
 * the contract's schema says about its shape (required fields, the payment-method names). The rules
 * about values (amounts, limits, currency, email, ...) are the use case's: it reports them all at
 * once, with the same field paths.
 */
final class CreateRequests {

  private CreateRequests() {}

  /**
   * @param tree the body as sent, to find its {@code null}s
   * @param body the same, read
   */
  static CreateInvoice toCommand(UUID storeId, JsonNode tree, InvoiceCreateJson body) {
    List<FieldError> errors = new ArrayList<>();
    CreateBodies.nulls(tree, "", errors);
    Set<PaymentMethod> methods = Set.of();
    if (errors.isEmpty()) {
      checkShape(body, errors);
      methods = methods(body.paymentMethods(), errors);
    }
    if (!errors.isEmpty()) {
      throw InvoiceProblems.invalid(errors);
    }
    CurrencyRef currency = body.currency();
    List<LineItemCreate> items = body.lineItems();
    BuyerCreate buyer = body.buyer();
    return new CreateInvoice(
        storeId,
        currency.chainId().longValueExact(),
        currency.symbol(),
        items.stream()
            .map(
                i ->
                    new LineItemRequest(
                        i.description(), i.quantity(), i.unitPrice(), i.taxRate(), i.discount()))
            .toList(),
        buyer == null ? null : buyer.name(),
        buyer == null ? null : buyer.email(),
        body.memo(),
        body.orderId(),
        body.metadata(),
        body.expiresInSeconds() == null
            ? OptionalLong.empty()
            : OptionalLong.of(body.expiresInSeconds().longValueExact()),
        methods,
        Boolean.TRUE.equals(body.send()));
  }

  /** What the schema requires, and integers that must fit a {@code long}. */
  private static void checkShape(InvoiceCreateJson body, List<FieldError> errors) {
    CurrencyRef currency = body.currency();
    if (currency == null) {
      errors.add(new FieldError("currency", "is required"));
    } else {
      required(currency.chainId(), "currency.chainId", errors);
      if (currency.chainId() != null && !fits(currency.chainId(), 1)) {
        errors.add(new FieldError("currency.chainId", "must be between 1 and " + Long.MAX_VALUE));
      }
      required(currency.symbol(), "currency.symbol", errors);
    }
    List<LineItemCreate> items = body.lineItems();
    if (items == null) {
      errors.add(new FieldError("lineItems", "is required"));
    } else {
      for (int i = 0; i < items.size(); i++) {
        LineItemCreate item = items.get(i);
        String path = "lineItems[" + i + "].";
        required(item.description(), path + "description", errors);
        required(item.quantity(), path + "quantity", errors);
        required(item.unitPrice(), path + "unitPrice", errors);
      }
    }
    if (body.expiresInSeconds() != null && !fits(body.expiresInSeconds(), 0)) {
      errors.add(new FieldError("expiresInSeconds", "must be between 60 and 2592000 (30 days)"));
    }
  }

  /** The methods in the merchant's order (the answer's payment options follow it). */
  private static Set<PaymentMethod> methods(List<String> names, List<FieldError> errors) {
    Set<PaymentMethod> methods = new LinkedHashSet<>();
    if (names == null) {
      return methods;
    }
    if (names.isEmpty()) {
      errors.add(new FieldError("paymentMethods", "must name at least one method"));
    }
    for (int i = 0; i < names.size(); i++) {
      PaymentMethod method = byWireName(names.get(i));
      if (method == null) {
        errors.add(
            new FieldError("paymentMethods[" + i + "]", "must be reference or deposit_address"));
      } else if (!methods.add(method)) {
        errors.add(new FieldError("paymentMethods[" + i + "]", "is listed twice"));
      }
    }
    return methods;
  }

  /** Exactly as the contract spells it (the domain's own lookup ignores case). */
  private static PaymentMethod byWireName(String name) {
    for (PaymentMethod method : PaymentMethod.values()) {
      if (method.wireName().equals(name)) {
        return method;
      }
    }
    return null;
  }

  /** Whether {@code value} is a {@code long} of at least {@code min}. */
  private static boolean fits(BigInteger value, long min) {
    return value.bitLength() < Long.SIZE && value.compareTo(BigInteger.valueOf(min)) >= 0;
  }

  private static void required(Object value, String field, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    }
  }
}
