package dev.payrelay.invoicing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.application.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The relay against a real PostgreSQL, on a virtual clock, with one and with two relays. */
class OutboxRelayTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final String EMAIL = OutboxWriter.EMAIL;
  static InvoicingFixture fx;
  static DatabaseClient db;

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  final List<OutboxRelay> relays = new ArrayList<>();

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(OutboxRelayTest.class);
    db = DatabaseClient.create(fx.connections);
  }

  @BeforeEach
  void emptyOutbox() {
    fx.execute("DELETE FROM outbox");
  }

  @AfterEach
  void stopRelays() {
    relays.forEach(OutboxRelay::close);
  }

  OutboxRelay relay(OutboxChannel channel, RelayPolicy policy) {
    OutboxRelay relay =
        new OutboxRelay(fx.connections, channel, policy, clock, new SplittableRandom(3));
    relays.add(relay);
    return relay;
  }

  OutboxRelay relay(OutboxChannel channel) {
    return relay(channel, RelayPolicy.DEFAULTS);
  }

  /** Writes {@code count} events in one statement: event i has key {@code k<i % keys>}. */
  static void writeMany(int count, int keys) {
    fx.execute(
        "INSERT INTO outbox (channel, event_type, ordering_key, payload)"
            + " SELECT 'email', 'e.n' || lpad(i::text, 3, '0'), 'k' || (i % "
            + keys
            + "), '{}'::jsonb FROM generate_series(0, "
            + (count - 1)
            + ") AS i ORDER BY i");
  }

  static void write(String channel, String key, String type) {
    new OutboxWriter(new ObjectMapper())
        .write(db, channel, null, type, key, new ObjectMapper().createObjectNode().put("k", key))
        .block(WAIT);
  }

  static String column(String column, String type) {
    return fx.strings("SELECT " + column + " FROM outbox WHERE event_type = '" + type + "'").get(0);
  }

  @Test
  void deliversEveryEventOnceInWriteOrderPerOrderingKey() {
    writeMany(27, 3);
    for (int i = 27; i < 30; i++) {
      write(EMAIL, "k" + (i % 3), "e.n" + i);
    }
    write(OutboxWriter.WEBHOOK, "key-0", "other.channel");
    RecordingChannel channel = new RecordingChannel(EMAIL);

    assertThat(relay(channel).drain().block(WAIT)).isEqualTo(30);

    assertThat(channel.accepted).hasSize(30);
    Map<String, List<Integer>> perKey =
        channel.accepted.stream()
            .collect(
                Collectors.groupingBy(
                    OutboxEvent::orderingKey,
                    Collectors.mapping(
                        e -> Integer.parseInt(e.eventType().substring(3)), Collectors.toList())));
    perKey.values().forEach(numbers -> assertThat(numbers).isSorted().hasSize(10));
    assertThat(fx.count("SELECT count(*) FROM outbox WHERE delivered_at IS NOT NULL"))
        .isEqualTo(30);
    assertThat(
            fx.count(
                "SELECT count(*) FROM outbox WHERE channel = 'webhook' AND delivered_at IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void aFailingEventIsRetriedWithBackoffAndHoldsBackOnlyItsOwnKey() {
    write(EMAIL, "a", "a.first");
    write(EMAIL, "a", "a.second");
    write(EMAIL, "b", "b.only");
    AtomicInteger failures = new AtomicInteger();
    RecordingChannel channel =
        new RecordingChannel(EMAIL)
            .answering(
                e ->
                    e.eventType().equals("a.first") && failures.getAndIncrement() < 3
                        ? Mono.error(new IllegalStateException("421 try later"))
                        : Mono.empty());
    OutboxRelay relay = relay(channel);

    relay.drain().block(WAIT);
    assertThat(channel.acceptedKeysAndTypes()).containsExactly("b/b.only");
    assertThat(column("last_error", "a.first")).isEqualTo("421 try later");

    clock.advance(Duration.ofSeconds(3));
    assertThat(relay.drain().block(WAIT)).as("not due before the first delay").isZero();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(2));
      relay.drain().block(WAIT);
    }

    assertThat(channel.acceptedKeysAndTypes())
        .containsExactly("b/b.only", "a/a.first", "a/a.second");
    assertThat(column("attempts", "a.first")).isEqualTo("4");
    assertThat(column("last_error", "a.first")).isNull();
    assertThat(relay.stats()).isEqualTo(new OutboxRelay.Stats(3, 3, 0));
  }

  @Test
  void anEventIsGivenUpOnAfterTheHorizonOrAtOnceWhenPermanentAndNoLongerBlocksItsKey() {
    write(EMAIL, "a", "a.permanent");
    write(EMAIL, "a", "a.after");
    write(EMAIL, "b", "b.transient");
    RecordingChannel channel =
        new RecordingChannel(EMAIL)
            .answering(
                e ->
                    switch (e.eventType()) {
                      case "a.permanent" ->
                          Mono.error(new PermanentDeliveryFailure("no such mailbox"));
                      case "b.transient" -> Mono.error(new IllegalStateException("timeout"));
                      default -> Mono.empty();
                    });
    OutboxRelay relay = relay(channel, RelayPolicy.DEFAULTS.withHorizon(Duration.ofMinutes(10)));

    relay.drain().block(WAIT);
    assertThat(column("dead_at IS NOT NULL", "a.permanent")).isEqualTo("t");
    assertThat(channel.acceptedKeysAndTypes()).containsExactly("a/a.after");

    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMinutes(1));
      relay.drain().block(WAIT);
    }
    assertThat(column("dead_at IS NOT NULL", "b.transient")).isEqualTo("t");
    int tries = channel.attemptsById.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    assertThat(tries).as("5 s, 10 s, 20 s, … within 10 minutes").isBetween(5, 9);

    assertThat(relay.retryNow(Long.parseLong(column("id", "b.transient"))).block(WAIT)).isTrue();
    channel.answering(e -> Mono.empty());
    relay.drain().block(WAIT);
    assertThat(channel.acceptedKeysAndTypes()).containsExactly("a/a.after", "b/b.transient");
  }

  @Test
  void twoRelaysAtOnceDeliverEachEventOnceAndKeepTheOrderPerKey() {
    writeMany(200, 20);
    RecordingChannel channel =
        new RecordingChannel(EMAIL).answering(e -> Mono.delay(Duration.ofMillis(1)).then());
    OutboxRelay one = relay(channel);
    OutboxRelay two = relay(channel);

    Integer attempted =
        Mono.zip(
                one.drain().subscribeOn(Schedulers.parallel()),
                two.drain().subscribeOn(Schedulers.parallel()))
            .map(t -> t.getT1() + t.getT2())
            .block(WAIT);
    // One relay may stop while the other still works; a last drain picks up what is left.
    one.drain().block(WAIT);

    assertThat(channel.attempts).hasSize(200);
    assertThat(attempted).isLessThanOrEqualTo(200);
    assertThat(channel.attemptsById.values()).allMatch(n -> n == 1);
    channel.accepted.stream()
        .collect(
            Collectors.groupingBy(
                OutboxEvent::orderingKey,
                Collectors.mapping(OutboxEvent::eventType, Collectors.toList())))
        .values()
        .forEach(types -> assertThat(types).isSorted().hasSize(10));
  }

  @Test
  void aRelayThatLostItsLeaseCannotRecordAnOutcomeAndTheEventIsDeliveredByAnother() {
    write(EMAIL, "a", "a.slow");
    RelayPolicy shortLease =
        new RelayPolicy(
            10,
            4,
            Duration.ofMillis(400),
            Duration.ofSeconds(5),
            Duration.ofHours(1),
            0,
            Duration.ofDays(3),
            Duration.ofMillis(50));
    RecordingChannel hanging = new RecordingChannel(EMAIL).answering(e -> Mono.never());
    OutboxRelay stuck = relay(hanging, shortLease);

    assertThat(stuck.drainOnce().block(WAIT)).isEqualTo(1);
    assertThat(column("last_error", "a.slow")).startsWith("no answer within");

    RecordingChannel healthy = new RecordingChannel(EMAIL);
    OutboxRelay other = relay(healthy, shortLease);
    clock.advance(Duration.ofMinutes(1));
    other.drain().block(WAIT);
    assertThat(healthy.acceptedKeysAndTypes()).containsExactly("a/a.slow");
    assertThat(column("attempts", "a.slow")).isEqualTo("2");
  }

  @Test
  void nothingIsLostWhenARelayStopsBetweenAttempts() {
    IntStream.range(0, 5).forEach(i -> write(EMAIL, "k", "e.n" + i));
    RecordingChannel down =
        new RecordingChannel(EMAIL).answering(e -> Mono.error(new IllegalStateException("down")));
    OutboxRelay first = relay(down);
    first.drain().block(WAIT);
    first.close();

    RecordingChannel up = new RecordingChannel(EMAIL);
    clock.advance(Duration.ofMinutes(1));
    relay(up).drain().block(WAIT);
    assertThat(up.acceptedKeysAndTypes())
        .containsExactly("k/e.n0", "k/e.n1", "k/e.n2", "k/e.n3", "k/e.n4");
  }

  @Test
  void aStartedRelayDeliversInTheBackgroundAndAtOnceWhenWoken() throws InterruptedException {
    RecordingChannel channel = new RecordingChannel(EMAIL);
    OutboxRelay relay =
        relay(channel, RelayPolicy.DEFAULTS.withPollInterval(Duration.ofHours(1))).start();
    write(EMAIL, "k", "e.woken");
    relay.wake();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (channel.accepted.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(channel.acceptedKeysAndTypes()).containsExactly("k/e.woken");
  }
}
