package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.idempotency.Idempotency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Retries with an {@code Idempotency-Key}, and many creates at once. */
class InvoiceIdempotencyTest extends InvoiceNode {

  static final int CONCURRENT = 50;

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndCreatesOneInvoice() throws Exception {
    String order = "retry-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    EntityExchangeResult<byte[]> first =
        post(ADMIN, key, Bodies.coffee(order))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist(Idempotency.REPLAYED_HEADER)
            .expectBody()
            .returnResult();
    String sameButReordered =
        "{\"orderId\":\""
            + order
            + "\", \"lineItems\": [{\"unitPrice\":\"4.50\","
            + "\"quantity\":\"1\",\"description\":\"Flat white\"}],"
            + " \"currency\": {\"symbol\":\"USDC\",\"chainId\":1337}}";
    EntityExchangeResult<byte[]> retry =
        post(ADMIN, key, sameButReordered)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(Idempotency.REPLAYED_HEADER, "true")
            .expectBody()
            .returnResult();

    assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(retry.getResponseHeaders().getFirst(HttpHeaders.LOCATION))
        .isEqualTo(first.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
    assertThat(Sql.number(db, "SELECT count(*) FROM invoices WHERE order_id = ?", order))
        .isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndCreatesNothing() throws Exception {
    String key = UUID.randomUUID().toString();
    post(ADMIN, key, Bodies.coffee("first-" + key)).expectStatus().isCreated();
    String before = Sql.writes(db);
    problem(post(ADMIN, key, Bodies.coffee("second-" + key)), 422, "idempotency-key-reused");
    assertThat(Sql.writes(db)).isEqualTo(before);
  }

  @Test
  void aFailedRequestLeavesItsKeyFreeForTheCorrectedRetry() {
    String key = UUID.randomUUID().toString();
    Map<String, Object> wrong = Bodies.coffee();
    Bodies.lineOf(wrong, 0).put("quantity", "0");
    problem(post(ADMIN, key, wrong), 400, "validation");
    created(post(ADMIN, key, Bodies.coffee()));
  }

  @Test
  void aVoidRetriedWithItsKeyAnswersTheVoidedInvoiceAgainNotAConflict() {
    String id = (String) create(Bodies.coffee()).get("id");
    String key = UUID.randomUUID().toString();
    byte[] first =
        voidIt(ADMIN, id, key).expectStatus().isOk().expectBody().returnResult().getResponseBody();
    byte[] again =
        voidIt(ADMIN, id, key)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(Idempotency.REPLAYED_HEADER, "true")
            .expectBody()
            .returnResult()
            .getResponseBody();
    assertThat(again).isEqualTo(first);
    problem(voidIt(ADMIN, id, UUID.randomUUID().toString()), 409, "conflict");
  }

  @Test
  void fiftyConcurrentCreatesGetFiftyDistinctConsecutiveNumbers() throws Exception {
    String order = "burst-" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Map<String, Object>>> answers = new ArrayList<>();
      for (int i = 0; i < CONCURRENT; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return created(post(ADMIN, null, Bodies.coffee(order)));
                }));
      }
      start.countDown();
      List<Integer> numbers = new ArrayList<>();
      for (Future<Map<String, Object>> answer : answers) {
        String number = (String) answer.get(60, TimeUnit.SECONDS).get("number");
        numbers.add(Integer.parseInt(number.substring("INV-".length())));
      }
      numbers.sort(null);
      assertThat(numbers).doesNotHaveDuplicates().hasSize(CONCURRENT);
      assertThat(numbers.get(CONCURRENT - 1) - numbers.get(0))
          .as("consecutive: %s", numbers)
          .isEqualTo(CONCURRENT - 1);
      assertThat(Sql.number(db, "SELECT count(*) FROM invoices WHERE order_id = ?", order))
          .isEqualTo(CONCURRENT);
    } finally {
      pool.shutdownNow();
    }
  }
}
