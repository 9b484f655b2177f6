package dev.payrelay.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.error.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The contract itself: it parses, every reference resolves, every schema compiles, ... */
class ContractDocumentTest {

  private final OpenApiContract contract = OpenApiContract.shared();

  @Test
  void parsesAsOpenApi31AndEveryRefResolvesInsideTheFile() {
    assertThat(contract.document().get("openapi").asString()).isEqualTo("3.1.0");
    List<String> refs = new ArrayList<>();
    collectRefs(contract.document(), refs);
    assertThat(refs).hasSizeGreaterThan(50);
    for (String ref : refs) {
      assertThat(ref).as("only local references").startsWith("#/");
      assertThat(contract.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void everySchemaCompilesWithAllItsReferences() {
    contract
        .document()
        .get("components")
        .get("schemas")
        .properties()
        .forEach(e -> contract.compile("/components/schemas/" + e.getKey()));
  }

  @Test
  void everyExampleAndDefaultMatchesItsSchema() {
    int checked = checkExamples("/components/schemas", contract.at("/components/schemas"));
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  /** Validates the examples and default found at or under {@code pointer}; how many it checked. */
  private int checkExamples(String pointer, JsonNode node) {
    int checked = 0;
    if (!node.isContainer()) {
      return 0;
    }
    if (node.path("examples").isArray() && !pointer.endsWith("/properties")) {
      for (JsonNode example : node.get("examples")) {
        assertThat(contract.validate(pointer, example))
            .as(pointer + " example " + example)
            .isEmpty();
        checked++;
      }
    }
    if (node.has("default") && !pointer.endsWith("/properties")) {
      assertThat(contract.validate(pointer, node.get("default")))
          .as(pointer + " default")
          .isEmpty();
      checked++;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        if (!List.of("examples", "default", "enum", "const").contains(child.getKey())) {
          checked +=
              checkExamples(
                  pointer + "/" + OpenApiContract.escape(child.getKey()), child.getValue());
        }
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        checked += checkExamples(pointer + "/" + i, node.get(i));
      }
    }
    return checked;
  }

  @Test
  void everyOperationNeedsAnApiKeyWithOneNamedScopeAndAnswersErrorsAsProblems() {
    contract
        .document()
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (!op.getKey().equals("parameters")) {
                            checkOperation(path.getKey() + " " + op.getKey(), op.getValue());
                          }
                        }));
  }

  private void checkOperation(String name, JsonNode operation) {
    assertThat(operation.path("operationId").asString()).as(name).isNotEmpty();
    if (operation.path("security").isArray() && operation.path("security").isEmpty()) {
      // Public: a pay link's own operations, where the unguessable token is the credential, and
      // the settlement network's proofs and receipts, which every node gossips anyway.
      assertThat(name)
          .as(name + " is public")
          .matches("/pay/\\{payToken}/.*|/v1/proofs post|/v1/receipts/\\{invoiceRef} get");
      assertThat(operation.path("description").asString()).as(name).contains("Public");
    } else {
      String scope = operation.path("x-required-scope").asString();
      assertThat(scope).as(name + " x-required-scope").matches("[a-z]+:[a-z]+");
      assertThat(operation.path("security").get(0).path("bearerAuth").get(0).asString())
          .as(name + " security")
          .isEqualTo(scope);
      assertThat(operation.path("description").asString()).as(name).contains("`" + scope + "`");
      assertThat(operation.path("responses").has("401")).as(name + " documents 401").isTrue();
      assertThat(operation.path("responses").has("403")).as(name + " documents 403").isTrue();
    }
    operation
        .path("responses")
        .properties()
        .forEach(
            response -> {
              if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                JsonNode resolved = response.getValue();
                if (resolved.has("$ref")) {
                  resolved = contract.at(resolved.get("$ref").asString().substring(1));
                }
                assertThat(
                        resolved
                            .path("content")
                            .path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asString())
                    .as(name + " " + response.getKey())
                    .isEqualTo("#/components/schemas/Problem");
              }
            });
  }

  @Test
  void theProblemSchemaListsEveryProblemTypeTheNodeAnswers() {
    String description = contract.at("/components/schemas/Problem").get("description").asString();
    for (ProblemType type : ProblemType.values()) {
      assertThat(description).contains("`" + type.uri() + "` (" + type.status().value() + ")");
    }
  }

  @Test
  void theRoundingRulesAreWrittenInTheContract() {
    assertThat(contract.at("/components/schemas/InvoiceCreate/description").asString())
        .contains(
            "line amount = quantity × unitPrice converted to base units, rounded half-up to a"
                + " whole base unit",
            "line tax = (line amount − line discount) × taxRate / 100, rounded half-up per line",
            "total = subtotal − discountTotal + taxTotal");
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
