package dev.payrelay.invoicing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.PaymentReference;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads rows of {@code invoices} into {@link InvoiceRecord}s, and writes metadata as JSON. */
final class InvoiceRows {

  static final String COLUMNS =
      "id, store_id, number, chain_id, currency_symbol, currency_decimals, currency_contract,"
          + " subtotal, discount_total, tax_total, total, buyer_name, buyer_email, memo,"
          + " order_id, metadata, payment_methods, pay_token, payment_reference,"
          + " reference_recipient, reference_proxy, deposit_address, deposit_index, status,"
          + " exception_status, amount_seen, amount_confirmed, amount_due, expires_at,"
          + " created_at, updated_at, voided_at";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private InvoiceRows() {}

  static InvoiceRecord read(Readable row) {
    Asset currency = currency(row);
    String reference = row.get("payment_reference", String.class);
    String deposit = row.get("deposit_address", String.class);
    List<PaymentMethod> methods = new ArrayList<>();
    for (String method : row.get("payment_methods", String[].class)) {
      methods.add(PaymentMethod.fromWire(method));
    }
    return new InvoiceRecord(
        row.get("id", UUID.class),
        row.get("store_id", UUID.class),
        row.get("number", Long.class),
        currency,
        amount(row, "subtotal", currency),
        amount(row, "discount_total", currency),
        amount(row, "tax_total", currency),
        amount(row, "total", currency),
        new Invoice.Buyer(
            row.get("buyer_name", String.class), row.get("buyer_email", String.class)),
        row.get("memo", String.class),
        row.get("order_id", String.class),
        metadata(row.get("metadata", Json.class)),
        methods,
        row.get("pay_token", String.class),
        reference == null
            ? Optional.empty()
            : Optional.of(
                new InvoiceRecord.Reference(
                    PaymentReference.parse(reference),
                    Address.parse(row.get("reference_recipient", String.class)),
                    Address.parse(row.get("reference_proxy", String.class)))),
        deposit == null
            ? Optional.empty()
            : Optional.of(
                new InvoiceRecord.Deposit(
                    Address.parse(deposit), row.get("deposit_index", Long.class))),
        new Evaluation(
            Wire.status(row.get("status", String.class)),
            Wire.exception(row.get("exception_status", String.class)),
            amount(row, "amount_seen", currency),
            amount(row, "amount_confirmed", currency),
            amount(row, "amount_due", currency)),
        row.get("expires_at", Instant.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class),
        Optional.ofNullable(row.get("voided_at", Instant.class)));
  }

  private static Asset currency(Readable row) {
    ChainId chain = ChainId.of(row.get("chain_id", Long.class));
    String symbol = row.get("currency_symbol", String.class);
    int decimals = row.get("currency_decimals", Integer.class);
    String contract = row.get("currency_contract", String.class);
    return contract == null
        ? new Asset.Native(chain, symbol, decimals)
        : new Asset.Erc20(chain, Address.parse(contract), symbol, decimals);
  }

  static TokenAmount amount(Readable row, String column, Asset asset) {
    return TokenAmount.ofBaseUnits(asset, row.get(column, BigDecimal.class).toBigIntegerExact());
  }

  static BigDecimal units(TokenAmount amount) {
    return new BigDecimal(amount.baseUnits());
  }

  /** The metadata as the text of a JSON object. */
  static String metadataText(Map<String, String> metadata) {
    try {
      return JSON.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata could not be written as JSON", e);
    }
  }

  private static Map<String, String> metadata(Json json) {
    try {
      return JSON.readValue(json.asString(), STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored invoice metadata is not a JSON object of strings", e);
    }
  }
}
