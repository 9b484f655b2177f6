package dev.payrelay.gateway.events;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.webhooks.WebhooksProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/events} (scope {@code invoices:read}): the store's events as Server-Sent Events,
 * resumable with {@code Last-Event-ID}, read from the same outbox rows that feed the webhooks. The
 * stream polls the log every {@code payrelay.webhooks.events-poll-interval}.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">WHATWG HTML,
 *     Server-sent events</a>
 */
@RestController
class EventStreamController {

  static final String PATH = "/v1/events";
  static final String LAST_EVENT_ID = "Last-Event-ID";

  /** Events sent per poll at most; a full batch is followed by the next at once. */
  static final int BATCH = 500;

  /** A comment line this often keeps proxies from closing an idle stream. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final Pattern CURSOR = Pattern.compile("0|[1-9][0-9]{0,18}");

  private final Access access;
  private final EventLog log;
  private final Duration poll;

  EventStreamController(Access access, @Lazy DatabaseClient db, WebhooksProperties properties) {
    this.access = access;
    this.log = new EventLog(db);
    this.poll = properties.eventsPollInterval();
  }

  @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> stream(
      ServerWebExchange exchange,
      @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId) {
    return access
        .require(exchange, Scope.INVOICES_READ)
        .flatMap(
            caller -> {
              Mono<Long> start =
                  lastEventId == null ? log.head(caller.storeId()) : Mono.just(cursor(lastEventId));
              return start.map(
                  after ->
                      ResponseEntity.ok()
                          .contentType(MediaType.TEXT_EVENT_STREAM)
                          .header("Cache-Control", "no-store")
                          .header("X-Accel-Buffering", "no")
                          .body(Flux.merge(events(caller, after), heartbeats())));
            });
  }

  private Flux<ServerSentEvent<String>> events(Caller caller, long after) {
    AtomicLong cursor = new AtomicLong(after);
    return Flux.interval(Duration.ZERO, poll)
        .onBackpressureDrop()
        .concatMap(tick -> drain(caller, cursor), 1);
  }

  /** Everything after the cursor, batch after batch, moving the cursor. */
  private Flux<ServerSentEvent<String>> drain(Caller caller, AtomicLong cursor) {
    return log.after(caller.storeId(), cursor.get(), BATCH)
        .collectList()
        .expand(
            batch ->
                batch.size() < BATCH
                    ? Mono.empty()
                    : log.after(caller.storeId(), batch.get(batch.size() - 1).id(), BATCH)
                        .collectList())
        .flatMapIterable(batch -> batch)
        .map(
            entry -> {
              cursor.set(entry.id());
              return ServerSentEvent.builder(entry.message())
                  .id(Long.toString(entry.id()))
                  .event(entry.type())
                  .build();
            });
  }

  private static Flux<ServerSentEvent<String>> heartbeats() {
    return Flux.interval(HEARTBEAT)
        .onBackpressureDrop()
        .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
  }

  private static long cursor(String text) {
    if (!CURSOR.matcher(text.strip()).matches()) {
      throw ApiProblemException.invalidField(
          LAST_EVENT_ID, "must be the id of an event of this stream (a non-negative integer)");
    }
    return Long.parseLong(text.strip());
  }
}
