package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.error.FieldError;
import java.util.List;
import java.util.Map;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /v1/invoices} as strictly as the contract asks: an unknown field, a
 * wrong JSON type ({@code "quantity": 2}) or a {@code null} (no request field of the contract is
 * nullable) is a {@code validation} problem naming the field by its JSON path. The body arrives as
 * a JSON tree, so a {@code null} can be told from a field left out.
 */
final class CreateBodies {

  private CreateBodies() {}

  /**
   * The body as {@link InvoiceCreateJson}; an unknown field or a wrong type fails as Spring's own
   * decoding would (the problem handler names the field).
   */
  static InvoiceCreateJson read(JsonMapper json, JsonNode tree) {
    try {
      return json.treeToValue(tree, InvoiceCreateJson.class);
    } catch (JacksonException e) {
      throw new ServerWebInputException("The invoice is not valid", null, e);
    }
  }

  /** Every {@code null} in {@code tree}, by its JSON path, e.g. {@code lineItems[0].taxRate}. */
  static void nulls(JsonNode tree, String path, List<FieldError> errors) {
    if (tree.isNull()) {
      errors.add(new FieldError(path, "must not be null; leave the field out instead"));
    } else if (tree.isArray()) {
      for (int i = 0; i < tree.size(); i++) {
        nulls(tree.get(i), path + "[" + i + "]", errors);
      }
    } else if (tree.isObject()) {
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        nulls(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), errors);
      }
    }
  }
}
