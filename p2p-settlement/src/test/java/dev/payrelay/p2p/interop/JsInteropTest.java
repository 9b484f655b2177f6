package dev.payrelay.p2p.interop;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.dialable;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.protocol.identify.IdentifyService;
import dev.payrelay.p2p.protocol.ping.PingService;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.NettyLeaks;
import dev.payrelay.p2p.testing.TestHosts;
import dev.payrelay.p2p.testing.TestProtocols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our host against js-libp2p ({@code tools/libp2p}, the versions pinned there) in both directions:
 * the upgrade (Noise, yamux), identify, ping, a 64 MiB stream and 100 concurrent streams.
 */
@ExtendWith(NettyLeaks.class)
class JsInteropTest {

  private static final long BULK_BYTES = 64L << 20;
  private static final int CONCURRENT_STREAMS = 100;

  private static JsPeer js;
  private SwarmHost java;
  private final List<TestProtocols.Received> javaSink = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startJs() throws Exception {
    js = JsPeer.start();
  }

  @AfterAll
  static void stopJs() throws Exception {
    if (js != null) {
      js.close();
    }
  }

  @BeforeEach
  void startJava() {
    java = TestHosts.started();
    TestProtocols.serve(java, javaSink::add);
  }

  @AfterEach
  void stopJava() {
    java.close();
  }

  @Test
  void javaDialsJsOverNoiseAndYamuxAndBothSidesIdentifyTheOther() {
    Connection connection = await(java.connect(js.address()));
    assertThat(connection.remotePeer()).isEqualTo(js.peerId());

    eventually(
        "java has js's protocols",
        () -> java.peerStore().protocols(js.peerId()).contains(TestProtocols.SINK));
    assertThat(java.peerStore().protocols(js.peerId()))
        .contains(IdentifyService.PROTOCOL_ID, PingService.PROTOCOL_ID, TestProtocols.ECHO);
    JsonNode seen = js.call("peer", Map.of("peer", java.peerId().toBase58()));
    assertThat(texts(seen.get("protocols")))
        .contains(IdentifyService.PROTOCOL_ID, PingService.PROTOCOL_ID, TestProtocols.ECHO);
    assertThat(seen.get("agent").asText()).startsWith("payrelay/");
    JsonNode jsSide = seen.get("connections").get(0);
    assertThat(jsSide.get("encryption").asText()).isEqualTo("/noise");
    assertThat(jsSide.get("multiplexer").asText()).isEqualTo("/yamux/1.0.0");
    assertThat(jsSide.get("direction").asText()).isEqualTo("inbound");
  }

  @Test
  void jsDialsJavaOverNoiseAndYamuxAndBothSidesIdentifyTheOther() {
    JsonNode dialled = js.call("dial", Map.of("addr", dialable(java).toString()));

    assertThat(dialled.get("peer").asText()).isEqualTo(java.peerId().toBase58());
    assertThat(dialled.get("encryption").asText()).isEqualTo("/noise");
    assertThat(dialled.get("multiplexer").asText()).isEqualTo("/yamux/1.0.0");
    assertThat(texts(dialled.get("protocols")))
        .contains(IdentifyService.PROTOCOL_ID, PingService.PROTOCOL_ID, TestProtocols.SINK);
    eventually(
        "java identified the inbound js peer",
        () -> java.peerStore().protocols(js.peerId()).contains(TestProtocols.ECHO));
    assertThat(java.connections(js.peerId()))
        .singleElement()
        .satisfies(c -> assertThat(c.direction()).isEqualTo(Connection.Direction.INBOUND));
  }

  @Test
  void pingsBothWays() {
    Connection connection = await(java.connect(js.address()));
    List<Duration> rtts = await(new PingService().ping(connection, 5));
    assertThat(rtts).hasSize(5).allSatisfy(rtt -> assertThat(rtt).isPositive());

    JsonNode jsPing = js.call("ping", Map.of("addr", dialable(java).toString()));
    assertThat(jsPing.get("rttMs").asDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void javaSendsSixtyFourMebibytesToJsOnOneStream() {
    Stream stream = await(java.newStream(js.address(), TestProtocols.SINK));
    TestProtocols.Bulk bulk =
        await(TestProtocols.sendBulk(stream, BULK_BYTES, new SplittableRandom().nextLong()));

    assertThat(bulk.bytes()).isEqualTo(BULK_BYTES);
    assertThat(bulk.answeredSha256()).isEqualTo(bulk.sentSha256());
    eventually("js reported its sink", () -> sinkEvent(bulk.sentSha256()) != null);
    assertThat(sinkEvent(bulk.sentSha256()).get("bytes").asLong()).isEqualTo(BULK_BYTES);
  }

  @Test
  void jsSendsSixtyFourMebibytesToJavaOnOneStream() {
    JsonNode bulk = js.call("bulk", Map.of("addr", dialable(java).toString(), "bytes", BULK_BYTES));

    assertThat(bulk.get("bytes").asLong()).isEqualTo(BULK_BYTES);
    assertThat(bulk.get("answer").asText()).isEqualTo(bulk.get("sha256").asText());
    assertThat(javaSink)
        .containsExactly(new TestProtocols.Received(BULK_BYTES, bulk.get("sha256").asText()));
  }

  @Test
  void javaOpensAHundredConcurrentStreamsToJs() {
    await(java.connect(js.address()));
    List<CompletableFuture<Boolean>> echoes = new ArrayList<>();
    SplittableRandom random = new SplittableRandom();
    for (int i = 0; i < CONCURRENT_STREAMS; i++) {
      byte[] payload = new byte[1_000 + random.nextInt(100_000)];
      random.nextBytes(payload);
      echoes.add(TestProtocols.echoOnce(java, js.peerId(), payload));
    }
    assertThat(echoes).allSatisfy(echo -> assertThat(await(echo)).isTrue());
    assertThat(java.connections(js.peerId())).hasSize(1);
  }

  @Test
  void jsOpensAHundredConcurrentStreamsToJava() {
    JsonNode result =
        js.call(
            "echoMany",
            Map.of(
                "addr", dialable(java).toString(), "count", CONCURRENT_STREAMS, "bytes", 50_000));
    assertThat(result.get("streams").asInt()).isEqualTo(CONCURRENT_STREAMS);
  }

  private JsonNode sinkEvent(String sha256) {
    return js.events().stream()
        .filter(event -> "sink".equals(event.path("event").asText()))
        .filter(event -> sha256.equals(event.path("sha256").asText()))
        .findFirst()
        .orElse(null);
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }
}
