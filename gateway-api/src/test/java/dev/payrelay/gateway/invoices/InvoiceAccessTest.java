package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.gateway.auth.TestApiKeys;
import dev.payrelay.gateway.auth.TestApiKeys.StoreKey;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may do what: every endpoint × every scope, and stores that never see each other. */
class InvoiceAccessTest extends InvoiceNode {

  @Test
  void everyEndpointNeedsItsOwnScopeAndOnlyThat() {
    ScopeMatrix matrix = ScopeMatrix.create(http, ADMIN);
    String id = (String) create(Bodies.coffee()).get("id");

    matrix
        .assertOnly(Scope.INVOICES_WRITE, auth -> postInvoice(auth, Bodies.coffee()))
        .expectStatus()
        .isCreated();
    matrix
        .assertOnly(Scope.INVOICES_READ, auth -> call(auth, "/v1/invoices/" + id))
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(Scope.INVOICES_READ, auth -> call(auth, "/v1/invoices"))
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(Scope.INVOICES_READ, auth -> call(auth, "/v1/invoices/" + id + "/payments"))
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.INVOICES_WRITE,
            auth -> http.post().uri("/v1/invoices/" + id + "/void").headers(auth).exchange())
        .expectStatus()
        .isOk();
  }

  @Test
  void anotherStoreNeverSeesNorChangesAnInvoiceAndNumbersItsOwnFromOne() throws Exception {
    StoreKey b = TestApiKeys.newStore(db, "Store B", Scope.INVOICES_READ, Scope.INVOICES_WRITE);
    Sql.update(
        db,
        "UPDATE stores SET receiving_address = ? WHERE id = ?",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
        b.storeId());
    Map<String, Object> ours = create(Bodies.coffee());
    String id = (String) ours.get("id");
    Map<String, Object> theirs = created(post(b.key(), null, Bodies.coffee()));
    assertThat(theirs).containsEntry("number", "INV-000001");

    for (String path : new String[] {"/v1/invoices/" + id, "/v1/invoices/" + id + "/payments"}) {
      Map<String, Object> hidden = problem(get(b.key(), path), 404, "not-found");
      Map<String, Object> missing =
          problem(get(b.key(), path.replace(id, UUID.randomUUID().toString())), 404, "not-found");
      assertThat(hidden.get("title")).isEqualTo(missing.get("title"));
    }
    problem(voidIt(b.key(), id, null), 404, "not-found");
    problem(voidIt(b.key(), id, "b-tries-to-void"), 404, "not-found");
    assertThat(json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk()))
        .as("untouched by store B")
        .isEqualTo(ours);

    assertThat(list(json(get(b.key(), "/v1/invoices?limit=100").expectStatus().isOk()), "data"))
        .extracting(i -> i.get("id"))
        .containsExactly(theirs.get("id"));
    assertThat(list(json(get(ADMIN, "/v1/invoices?limit=100").expectStatus().isOk()), "data"))
        .extracting(i -> i.get("id"))
        .contains(id)
        .doesNotContain(theirs.get("id"));
  }

  private WebTestClient.ResponseSpec postInvoice(Consumer<HttpHeaders> auth, Object body) {
    return http.post()
        .uri("/v1/invoices")
        .headers(auth)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.ResponseSpec call(Consumer<HttpHeaders> auth, String path) {
    return http.get().uri(path).headers(auth).exchange();
  }
}
