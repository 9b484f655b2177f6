package dev.payrelay.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one real HTTP exchange against openapi/openapi.yaml: the path and method are an operation
 * of the contract, the status is one of its documented responses, the content type is documented
 * for that status, and the body matches the response's schema. When the node accepted a request
 * (2xx), its body must match the operation's request body schema too: the node must not accept what
 * the contract forbids. Paths the contract does not know must answer a 4xx problem ({@code /v1/…})
 * or are checked only if they answer a problem (pages, {@code /actuator}, ...).
 */
public final class ContractValidator {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROBLEM = "/components/schemas/Problem";

  private final OpenApiContract contract;

  public ContractValidator(OpenApiContract contract) {
    this.contract = contract;
  }

  /** The validator of this checkout's contract. */
  public static ContractValidator shared() {
    return new ContractValidator(OpenApiContract.shared());
  }

  /** Throws an {@link AssertionError} listing every violation, if there is any. */
  public void check(ContractExchange exchange) {
    List<String> violations = violations(exchange);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          exchange.method()
              + " "
              + exchange.path()
              + " → "
              + exchange.status()
              + " breaks the contract (openapi/openapi.yaml):\n  - "
              + String.join("\n  - ", violations)
              + "\n  response body: "
              + new String(exchange.responseBody(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public List<String> violations(ContractExchange exchange) {
    List<String> out = new ArrayList<>();
    String path = exchange.pathWithoutQuery();
    String method = exchange.method().toLowerCase(Locale.ROOT);
    Optional<String> template = contract.template(path);
    JsonNode operation =
        template.map(t -> contract.document().get("paths").get(t).get(method)).orElse(null);
    if (operation == null) {
      boolean api = path.equals("/v1") || path.startsWith("/v1/") || template.isPresent();
      if (api || isProblem(exchange.responseContentType())) {
        if (api && (exchange.status() < 400 || exchange.status() >= 500)) {
          out.add("no operation " + exchange.method() + " " + path + " in the contract");
        }
        body(exchange, PROBLEM, "application/problem+json", out);
      }
      return out;
    }
    String operationPointer = "/paths/" + OpenApiContract.escape(template.get()) + "/" + method;
    String status = String.valueOf(exchange.status());
    JsonNode responses = operation.get("responses");
    String key =
        responses.has(status)
            ? status
            : responses.has(status.charAt(0) + "XX")
                ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
    if (key == null) {
      List<String> documented = new ArrayList<>();
      responses.properties().forEach(e -> documented.add(e.getKey()));
      out.add("status " + status + " is not documented; documented: " + documented);
      return out;
    }
    String responsePointer = resolve(operationPointer + "/responses/" + key);
    response(exchange, responsePointer, out);
    if (exchange.status() >= 200 && exchange.status() < 300 && operation.has("requestBody")) {
      request(exchange, resolve(operationPointer + "/requestBody"), out);
    }
    return out;
  }

  private void response(ContractExchange exchange, String pointer, List<String> out) {
    JsonNode content = contract.at(pointer).get("content");
    if (content == null || content.isEmpty()) {
      if (exchange.responseBody().length > 0) {
        out.add("documented without a body, answered " + exchange.responseBody().length + " bytes");
      }
      return;
    }
    if (exchange.responseBody().length == 0 && !exchange.method().equalsIgnoreCase("HEAD")) {
      out.add("documented with a body, answered none");
      return;
    }
    Optional<String> type = documentedType(content, exchange.responseContentType());
    if (type.isEmpty()) {
      List<String> documented = new ArrayList<>();
      content.properties().forEach(e -> documented.add(e.getKey()));
      out.add(
          "Content-Type " + exchange.responseContentType() + " is not documented: " + documented);
      return;
    }
    String schema = pointer + "/content/" + OpenApiContract.escape(type.get()) + "/schema";
    body(exchange, schema, type.get(), out);
  }

  private void request(ContractExchange exchange, String pointer, List<String> out) {
    JsonNode requestBody = contract.at(pointer);
    if (exchange.requestBody().length == 0) {
      if (requestBody.path("required").asBoolean(false)) {
        out.add("the node accepted a request without the body the contract requires");
      }
      return;
    }
    JsonNode content = requestBody.get("content");
    Optional<String> type = documentedType(content, exchange.requestContentType());
    if (type.isEmpty()) {
      out.add(
          "the node accepted a request body of undocumented type " + exchange.requestContentType());
      return;
    }
    List<String> problems = new ArrayList<>();
    JsonNode body = parse(exchange.requestBody(), problems);
    if (body != null) {
      String schema = pointer + "/content/" + OpenApiContract.escape(type.get()) + "/schema";
      problems.addAll(contract.validate(schema, body));
    }
    problems.forEach(p -> out.add("the node accepted a request body the contract forbids: " + p));
  }

  private void body(ContractExchange exchange, String schema, String type, List<String> out) {
    String actual = exchange.responseContentType();
    if (actual == null
        || !MediaType.parseMediaType(type).equalsTypeAndSubtype(MediaType.parseMediaType(actual))) {
      out.add("Content-Type " + actual + " instead of " + type);
      return;
    }
    if (!isJson(type)) {
      return; // text/csv, text/event-stream: the type is the contract; there is no JSON to check
    }
    JsonNode body = parse(exchange.responseBody(), out);
    if (body != null) {
      contract.validate(schema, body).forEach(p -> out.add("response body: " + p));
    }
  }

  private static Optional<String> documentedType(JsonNode content, String actual) {
    if (content == null || actual == null) {
      return Optional.empty();
    }
    MediaType type = MediaType.parseMediaType(actual);
    List<String> names = new ArrayList<>();
    content.properties().forEach(e -> names.add(e.getKey()));
    return names.stream()
        .filter(n -> MediaType.parseMediaType(n).equalsTypeAndSubtype(type))
        .findFirst();
  }

  /** Follows a {@code $ref} of a response or request body object to its pointer. */
  private String resolve(String pointer) {
    JsonNode node = contract.at(pointer);
    for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
      pointer = node.get("$ref").asString().substring(1);
      node = contract.at(pointer);
    }
    return pointer;
  }

  private static JsonNode parse(byte[] body, List<String> out) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      out.add("body is not JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  private static boolean isJson(String type) {
    MediaType media = MediaType.parseMediaType(type);
    return media.getSubtype().equals("json") || media.getSubtype().endsWith("+json");
  }

  private static boolean isProblem(String contentType) {
    return contentType != null
        && MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(
            MediaType.parseMediaType(contentType));
  }
}
