package dev.payrelay.p2p.pubsub.gossip.host;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.p2p.interop.JsPeer;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.testing.NettyLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our gossipsub against js-libp2p's ({@code @libp2p/gossipsub}, {@code tools/libp2p/commands/
 * gossip.mjs}) with StrictSign and SHA-256-of-data message ids on both sides: js verifies our
 * signatures before it delivers, our router verifies js's.
 */
@ExtendWith(NettyLeaks.class)
class GossipJsInteropTest {
  private static final int MESSAGES_EACH_WAY = 1_000;
  private static final int MESSAGES_THROUGH_JS = 100;

  private final Topic topic = Topic.of("payrelay/interop/gossip");
  private final List<AutoCloseable> closing = new ArrayList<>();
  private JsPeer js;

  @BeforeEach
  void startJs() throws Exception {
    js = JsPeer.start("gossip");
    js.call("subscribe", Map.of("topic", topic.name()));
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    js.close();
  }

  @Test
  void javaAndJsExchangeAThousandSignedMessagesEachWayEachDeliveredOnce() {
    GossipTestNode java = javaNode();
    await(java.host.connect(js.address()));
    awaitLinked(java);

    for (int i = 0; i < MESSAGES_EACH_WAY; i++) {
      java.publish(topic, "java-" + i);
    }
    js.call("publish", Map.of("topic", topic.name(), "prefix", "js", "count", MESSAGES_EACH_WAY));

    eventually(
        "js received all of java's messages", () -> jsReceived().size() >= MESSAGES_EACH_WAY);
    eventually(
        "java received all of js's messages", () -> java.received.size() >= MESSAGES_EACH_WAY);
    List<String> expectedFromJava = numbered("java", MESSAGES_EACH_WAY);
    List<String> expectedFromJs = numbered("js", MESSAGES_EACH_WAY);
    List<JsonNode> atJs = jsReceived();
    assertThat(atJs.stream().map(m -> m.get("data").asText()).toList())
        .containsExactlyInAnyOrderElementsOf(expectedFromJava);
    assertThat(atJs)
        .allSatisfy(
            m -> {
              assertThat(m.get("type").asText()).isEqualTo("signed");
              assertThat(m.get("from").asText()).isEqualTo(java.peerId().toBase58());
            });
    assertThat(java.texts()).containsExactlyInAnyOrderElementsOf(expectedFromJs);
    assertThat(java.received).allSatisfy(m -> assertThat(m.from()).isEqualTo(js.peerId()));
  }

  @Test
  void twoJavaNodesLinkedOnlyThroughJsReachEachOther() {
    GossipTestNode java1 = javaNode();
    GossipTestNode java2 = javaNode();
    await(java1.host.connect(js.address()));
    await(java2.host.connect(js.address()));
    awaitLinked(java1);
    awaitLinked(java2);
    eventually(
        "js grafted both java nodes",
        () ->
            texts(js.call("subscribers", Map.of("topic", topic.name())).get("mesh"))
                .containsAll(List.of(java1.peerId().toBase58(), java2.peerId().toBase58())));
    assertThat(java1.host.connections(java2.peerId())).isEmpty();

    for (int i = 0; i < MESSAGES_THROUGH_JS; i++) {
      java1.publish(topic, "one-" + i);
      java2.publish(topic, "two-" + i);
    }

    eventually("java2 got java1's messages", () -> java2.received.size() >= MESSAGES_THROUGH_JS);
    eventually("java1 got java2's messages", () -> java1.received.size() >= MESSAGES_THROUGH_JS);
    eventually("js got both", () -> jsReceived().size() >= 2 * MESSAGES_THROUGH_JS);
    assertThat(java2.texts())
        .containsExactlyInAnyOrderElementsOf(numbered("one", MESSAGES_THROUGH_JS));
    assertThat(java1.texts())
        .containsExactlyInAnyOrderElementsOf(numbered("two", MESSAGES_THROUGH_JS));
    assertThat(java2.received).allSatisfy(m -> assertThat(m.from()).isEqualTo(java1.peerId()));
    assertThat(java1.host.connections(java2.peerId())).isEmpty();
    assertThat(jsReceived()).hasSize(2 * MESSAGES_THROUGH_JS);
  }

  private GossipTestNode javaNode() {
    GossipTestNode node = new GossipTestNode();
    closing.add(0, node);
    node.join(topic);
    return node;
  }

  /** Both sides know the other is on the topic. */
  private void awaitLinked(GossipTestNode java) {
    eventually(
        "java sees js on the topic",
        () -> await(java.gossip.topicPeers(topic)).contains(js.peerId()));
    eventually(
        "js sees java on the topic",
        () ->
            texts(js.call("subscribers", Map.of("topic", topic.name())).get("subscribers"))
                .contains(java.peerId().toBase58()));
  }

  private List<JsonNode> jsReceived() {
    List<JsonNode> list = new ArrayList<>();
    js.call("received", Map.of("topic", topic.name())).get("messages").forEach(list::add);
    return list;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  private static List<String> numbered(String prefix, int count) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(prefix + "-" + i);
    }
    return list;
  }
}
