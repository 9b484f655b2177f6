package dev.payrelay.gateway.invoices;

import dev.payrelay.wallet.testing.DevChain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of {@code POST /v1/invoices}, as JSON objects to change and send. */
public final class Bodies {

  private Bodies() {}

  /** An invoice in {@code symbol} on the dev chain with {@code lines}. */
  @SafeVarargs
  static Map<String, Object> invoice(String symbol, Map<String, Object>... lines) {
    Map<String, Object> currency = new LinkedHashMap<>();
    currency.put("chainId", DevChain.shared().chainId());
    currency.put("symbol", symbol);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("currency", currency);
    body.put("lineItems", new ArrayList<>(Arrays.asList(lines)));
    return body;
  }

  /** The smallest valid invoice: one coffee for 4.50 USDC. */
  static Map<String, Object> coffee() {
    return invoice("USDC", line("Flat white", "1", "4.50"));
  }

  /** The same, with {@code orderId}. */
  static Map<String, Object> coffee(String orderId) {
    Map<String, Object> body = coffee();
    body.put("orderId", orderId);
    return body;
  }

  public static Map<String, Object> line(String description, String quantity, String unitPrice) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("description", description);
    line.put("quantity", quantity);
    line.put("unitPrice", unitPrice);
    return line;
  }

  static Map<String, Object> line(
      String description, String quantity, String unitPrice, String taxRate, String discount) {
    Map<String, Object> line = line(description, quantity, unitPrice);
    if (taxRate != null) {
      line.put("taxRate", taxRate);
    }
    if (discount != null) {
      line.put("discount", discount);
    }
    return line;
  }

  /** The {@code i}-th line item of {@code body}, to change. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> lineOf(Map<String, Object> body, int i) {
    return ((List<Map<String, Object>>) body.get("lineItems")).get(i);
  }

  /** {@code body.get(path)} for a dotted path of objects, e.g. {@code payLink.url}. */
  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> body, String path) {
    Object node = body;
    for (String part : path.split("\\.")) {
      node = ((Map<String, Object>) node).get(part);
    }
    return (T) node;
  }

  /** The money at {@code path} as {@code "amount/baseUnits"}, e.g. {@code "19.99/19990000"}. */
  static String money(Map<String, Object> body, String path) {
    Map<String, Object> money = at(body, path);
    return money.get("amount") + "/" + money.get("baseUnits");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> body, String path) {
    return (List<Map<String, Object>>) at(body, path);
  }
}
