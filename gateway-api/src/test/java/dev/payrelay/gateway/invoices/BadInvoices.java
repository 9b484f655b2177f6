package dev.payrelay.gateway.invoices;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input battery: bodies of {@code POST /v1/invoices} that must be refused with a 400, as
 * {@code validation} naming the field, or as {@code malformed-body} (field null). Each is a small
 * change of a good body.
 */
final class BadInvoices {

  static final String UINT256_PLUS_ONE =
      "115792089237316195423570985008687907853269984665640564039457584007913129639936";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUANTITY = "lineItems[0].quantity";
  private static final String PRICE = "lineItems[0].unitPrice";

  private final List<Arguments> cases = new ArrayList<>();

  private BadInvoices() {}

  /** (name, body, problem type, field) */
  static Stream<Arguments> cases() {
    BadInvoices c = new BadInvoices();
    c.malformed("invalid JSON", "{\"currency\": {\"chainId\": 1337,");
    c.malformed("not JSON at all", "one flat white, please");
    c.malformed("a duplicate field", "{\"memo\":\"a\",\"memo\":\"b\"}");
    c.raw("an array instead of an object", "[]", "");
    // Wrong JSON types: nothing is coerced.
    c.bad("quantity as a number", QUANTITY, b -> line(b).put("quantity", 2));
    c.bad("chain id as a string", "currency.chainId", b -> currency(b).put("chainId", "1337"));
    c.bad("chain id as a fraction", "currency.chainId", b -> currency(b).put("chainId", 1.5));
    BigInteger huge = new BigInteger("99999999999999999999");
    c.bad("chain id beyond int64", "currency.chainId", b -> currency(b).put("chainId", huge));
    c.bad("line items as an object", "lineItems", b -> b.put("lineItems", Map.of()));
    c.bad("buyer as a string", "buyer", b -> b.put("buyer", "Ada"));
    c.bad("metadata value a number", "metadata.table", b -> b.put("metadata", Map.of("table", 7)));
    c.bad("expiry as a string", "expiresInSeconds", b -> b.put("expiresInSeconds", "3600"));
    c.bad("a null memo", "memo", b -> b.put("memo", null));
    c.bad("a null tax rate", "lineItems[0].taxRate", b -> line(b).put("taxRate", null));
    // Unknown and missing fields.
    c.bad("an unknown field", "expiresInSecond", b -> b.put("expiresInSecond", 60));
    c.bad("an unknown line field", "lineItems[0].colour", b -> line(b).put("colour", "red"));
    c.bad("no currency", "currency", b -> b.remove("currency"));
    c.bad("no unit price", PRICE, b -> line(b).remove("unitPrice"));
    // Quantities and amounts.
    c.bad("a negative quantity", QUANTITY, b -> line(b).put("quantity", "-1"));
    c.bad("a zero quantity", QUANTITY, b -> line(b).put("quantity", "0"));
    c.bad("a quantity over 10^9", QUANTITY, b -> line(b).put("quantity", "1000000001"));
    c.bad("seven quantity decimals", QUANTITY, b -> line(b).put("quantity", "1.0000001"));
    c.bad("an exponent", PRICE, b -> line(b).put("unitPrice", "1e3"));
    c.bad("a negative price", PRICE, b -> line(b).put("unitPrice", "-4.50"));
    c.bad("more decimals than USDC has", PRICE, b -> line(b).put("unitPrice", "0.0000001"));
    c.bad("a price beyond uint256", PRICE, b -> line(b).put("unitPrice", UINT256_PLUS_ONE));
    c.bad(
        "a line amount beyond uint256",
        "lineItems[0]",
        b -> line(b).putAll(Map.of("unitPrice", "1" + "0".repeat(70), "quantity", "1000000")));
    c.bad("a tax rate over 100", "lineItems[0].taxRate", b -> line(b).put("taxRate", "100.5"));
    c.bad("a discount over the amount", "lineItems[0].discount", b -> line(b).put("discount", "5"));
    c.bad("no line items", "lineItems", b -> b.put("lineItems", List.of()));
    c.bad("101 line items", "lineItems", b -> b.put("lineItems", lines(101)));
    // The currency.
    c.bad("an unknown currency", "currency", b -> currency(b).put("symbol", "DOGE"));
    c.bad("a lower-case symbol", "currency", b -> currency(b).put("symbol", "usdc"));
    c.bad("an unknown chain", "currency", b -> currency(b).put("chainId", 999));
    // The buyer, and sizes.
    c.bad("a bad email", "buyer.email", b -> b.put("buyer", Map.of("email", "ada.example.com")));
    c.bad("an empty buyer name", "buyer.name", b -> b.put("buyer", Map.of("name", "")));
    c.bad("a long buyer name", "buyer.name", b -> b.put("buyer", Map.of("name", "n".repeat(201))));
    c.bad(
        "a 501-character description",
        "lineItems[0].description",
        b -> line(b).put("description", "d".repeat(501)));
    c.bad("a 1001-character memo", "memo", b -> b.put("memo", "m".repeat(1001)));
    c.bad("a 101-character order id", "orderId", b -> b.put("orderId", "o".repeat(101)));
    c.bad("an order id with a space", "orderId", b -> b.put("orderId", "order 1"));
    c.bad("21 metadata keys", "metadata", b -> b.put("metadata", metadata(21)));
    c.bad(
        "a long metadata value",
        "metadata.k",
        b -> b.put("metadata", Map.of("k", "v".repeat(501))));
    c.bad("a long metadata key", "metadata", b -> b.put("metadata", Map.of("k".repeat(41), "v")));
    // Expiry and payment methods.
    c.bad("an expiry under a minute", "expiresInSeconds", b -> b.put("expiresInSeconds", 59));
    c.bad("an expiry over 30 days", "expiresInSeconds", b -> b.put("expiresInSeconds", 2_592_001));
    c.bad("no payment method", "paymentMethods", b -> b.put("paymentMethods", List.of()));
    c.bad(
        "an upper-case method",
        "paymentMethods[0]",
        b -> b.put("paymentMethods", List.of("REFERENCE")));
    c.bad(
        "a payment method twice",
        "paymentMethods[1]",
        b -> b.put("paymentMethods", List.of("reference", "reference")));
    return c.cases.stream();
  }

  private void malformed(String name, String body) {
    cases.add(Arguments.of(name, body, "malformed-body", null));
  }

  private void raw(String name, String body, String field) {
    cases.add(Arguments.of(name, body, "validation", field));
  }

  private void bad(String name, String field, Consumer<Map<String, Object>> change) {
    Map<String, Object> body = Bodies.coffee();
    change.accept(body);
    cases.add(Arguments.of(name, JSON.writeValueAsString(body), "validation", field));
  }

  private static Map<String, Object> line(Map<String, Object> body) {
    return Bodies.lineOf(body, 0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> currency(Map<String, Object> body) {
    return (Map<String, Object>) body.get("currency");
  }

  private static List<Map<String, Object>> lines(int n) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(Bodies.line("Item " + i, "1", "1"));
    }
    return lines;
  }

  private static Map<String, Object> metadata(int keys) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (int i = 0; i < keys; i++) {
      metadata.put("key" + i, "v");
    }
    return metadata;
  }
}
