package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code GET /v1/invoices}: filters, and cursor pages that neither repeat nor skip. */
class InvoiceListTest extends InvoiceNode {

  @Test
  void pagesThroughEveryInvoiceNewestFirstWithoutDuplicatesOrGapsWhileNewOnesArrive() {
    String order = "page-" + UUID.randomUUID();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add((String) create(Bodies.coffee(order)).get("id"));
    }
    List<Map<String, Object>> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, Object> page = page("orderId=" + order + "&limit=3", cursor);
      seen.addAll(list(page, "data"));
      cursor = (String) page.get("nextCursor");
      pages++;
      // Created meanwhile: newer than every page, so never in the pages still to come.
      create(Bodies.coffee(order));
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    Collections.reverse(created);
    assertThat(seen.stream().map(i -> (String) i.get("id")))
        .as("each invoice once, newest first")
        .containsExactlyElementsOf(created);
    assertThat(seen)
        .isSortedAccordingTo(
            Comparator.comparing(
                    (Map<String, Object> i) -> Instant.parse((String) i.get("createdAt")))
                .reversed());
  }

  @Test
  void filtersByStatusOrderIdAndCreationTimeCombined() {
    String order = "filter-" + UUID.randomUUID();
    Map<String, Object> first = create(Bodies.coffee(order));
    Map<String, Object> voided = create(Bodies.coffee(order));
    Map<String, Object> last = create(Bodies.coffee(order));
    create(Bodies.coffee("other-" + UUID.randomUUID()));
    voidIt(ADMIN, (String) voided.get("id"), null).expectStatus().isOk();

    assertThat(ids(page("orderId=" + order, null)))
        .containsExactly(last.get("id"), voided.get("id"), first.get("id"));
    assertThat(ids(page("orderId=" + order + "&status=VOID", null)))
        .containsExactly(voided.get("id"));
    assertThat(ids(page("orderId=" + order + "&status=OPEN", null)))
        .containsExactly(last.get("id"), first.get("id"));
    String from = (String) voided.get("createdAt");
    String to = (String) last.get("createdAt");
    assertThat(ids(page("orderId=" + order + "&createdFrom=" + from + "&createdTo=" + to, null)))
        .as("from inclusive, to exclusive")
        .containsExactly(voided.get("id"));
    assertThat(ids(page("orderId=" + order + "&status=PAID", null))).isEmpty();
  }

  @Test
  void refusesQueryParametersTheContractDoesNotAllowNamingEach() {
    badQuery("limit=0", "limit");
    badQuery("limit=101", "limit");
    badQuery("limit=ten", "limit");
    badQuery("status=open", "status");
    badQuery("createdFrom=yesterday", "createdFrom");
    badQuery("createdTo=2026-13-01T00:00:00Z", "createdTo");
    badQuery("createdFrom=2026-02-01T00:00:00Z&createdTo=2026-01-01T00:00:00Z", "createdTo");
    badQuery("orderId=has%20space", "orderId");
    badQuery("cursor=not-a-cursor", "cursor");
    badQuery("cursor=" + "x".repeat(513), "cursor");
    badQuery("stauts=PAID", "stauts");
    badQuery("limit=1&limit=2", "limit");
  }

  @Test
  void theFirstPageHasTheDefaultSizeAndAnEmptyListHasNoCursor() {
    Map<String, Object> none = page("orderId=nothing-" + UUID.randomUUID(), null);
    assertThat(none).containsOnlyKeys("data", "nextCursor").containsEntry("data", List.of());
    assertThat(none).containsEntry("nextCursor", null);
    for (int i = 0; i < 26; i++) {
      create(Bodies.coffee());
    }
    assertThat(list(page("", null), "data")).hasSize(25);
  }

  private void badQuery(String query, String field) {
    Map<String, Object> problem = problem(get(ADMIN, "/v1/invoices?" + query), 400, "validation");
    assertThat(list(problem, "errors"))
        .as(query)
        .extracting(e -> e.get("field"))
        .containsExactly(field);
  }

  private Map<String, Object> page(String query, String cursor) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("/v1/invoices?" + query);
    if (cursor != null) {
      uri.queryParam("cursor", cursor);
    }
    return json(get(ADMIN, uri.build().toUriString()).expectStatus().isOk());
  }

  private static List<Object> ids(Map<String, Object> page) {
    return list(page, "data").stream().map(i -> i.get("id")).toList();
  }
}
