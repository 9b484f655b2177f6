package dev.payrelay.bench;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.interop.JsPeer;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.pubsub.gossip.host.GossipNode;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gossipsub messages per second from one node to one subscribed peer over loopback: two PayRelay
 * nodes ({@code GossipNode} on {@code SwarmHost}) against two js-libp2p nodes ({@code
 * @libp2p/gossipsub}, {@code tools/libp2p/commands/gossip.mjs}) in the same rounds, both with
 * StrictSign and SHA-256 message ids. A round publishes {@code count} small distinct messages and
 * ends when the receiver has them all; the receiver must count exactly that many.
 */
final class GossipThroughputBench {

  /** How long one round may take before the benchmark fails. */
  private static final long ROUND_TIMEOUT_MILLIS = 120_000;

  private static final Topic TOPIC = Topic.of("payrelay/bench/gossip");

  /** The numbers of one run. */
  record Result(
      int messagesPerRound,
      String nodeVersion,
      Summary javaPerSecond,
      Summary jsPerSecond,
      Summary javaToJs) {}

  private final BenchSettings settings;
  private final int count;

  GossipThroughputBench(BenchSettings settings, int count) {
    this.settings = settings;
    this.count = count;
  }

  Result run() throws Exception {
    Ed25519KeyPair senderKey = Ed25519KeyPair.generate();
    Ed25519KeyPair receiverKey = Ed25519KeyPair.generate();
    Multiaddr loopback = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
    AtomicLong javaReceived = new AtomicLong();
    try (SwarmHost senderHost = SwarmHost.create(SwarmConfig.defaults(senderKey, loopback));
        SwarmHost receiverHost = SwarmHost.create(SwarmConfig.defaults(receiverKey, loopback));
        JsPeer jsSender = JsPeer.start("gossip");
        JsPeer jsReceiver = JsPeer.start("gossip")) {
      senderHost.start().get(30, TimeUnit.SECONDS);
      receiverHost.start().get(30, TimeUnit.SECONDS);
      try (GossipNode sender =
              GossipNode.start(senderHost, senderKey, GossipParams.defaults(), Clock.systemUTC());
          GossipNode receiver =
              GossipNode.start(
                  receiverHost, receiverKey, GossipParams.defaults(), Clock.systemUTC())) {
        sender
            .subscribe(TOPIC, MessageValidator.ACCEPT_ALL, (id, m) -> {})
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        receiver
            .subscribe(
                TOPIC, MessageValidator.ACCEPT_ALL, (id, m) -> javaReceived.incrementAndGet())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        senderHost
            .connect(receiverHost.listenAddresses().get(0).withPeerId(receiverHost.peerId()))
            .get(30, TimeUnit.SECONDS);
        awaitTrue("the java sender sees the receiver", () -> joined(sender, receiverHost));
        jsSender.call("subscribe", Map.of("topic", TOPIC.name()));
        jsReceiver.call("subscribe", Map.of("topic", TOPIC.name()));
        jsSender.call("dial", Map.of("addr", jsReceiver.address().toString()));
        awaitTrue("the js sender sees the receiver", () -> jsJoined(jsSender, jsReceiver));

        List<Double> javaRates = new ArrayList<>();
        List<Double> jsRates = new ArrayList<>();
        for (int round = -1; round < settings.rounds(); round++) {
          String prefix = "r" + (round + 1);
          double javaSeconds = 0;
          double jsSeconds = 0;
          for (int i = 0; i < 2; i++) {
            if (Math.floorMod(round + i, 2) == 0) {
              javaSeconds = javaRound(sender, javaReceived, prefix, round + 2);
            } else {
              jsSeconds = jsRound(jsSender, jsReceiver, prefix, round + 2);
            }
          }
          if (round >= 0) {
            javaRates.add(count / javaSeconds);
            jsRates.add(count / jsSeconds);
          }
        }
        return new Result(
            count,
            jsSender.call("info", Map.of()).path("node").asText("node"),
            Summary.of(javaRates),
            Summary.of(jsRates),
            Summary.ofRatios(javaRates, jsRates));
      }
    }
  }

  /** Publishes one round at the Java sender; {@code rounds} counts this one. */
  private double javaRound(GossipNode sender, AtomicLong received, String prefix, int rounds)
      throws Exception {
    long expected = (long) count * rounds;
    long start = System.nanoTime();
    List<CompletableFuture<?>> published = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] data = (prefix + "-" + i).getBytes(StandardCharsets.UTF_8);
      published.add(sender.publish(TOPIC, data).toCompletableFuture());
    }
    CompletableFuture.allOf(published.toArray(CompletableFuture[]::new))
        .get(ROUND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROUND_TIMEOUT_MILLIS);
    while (received.get() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the java receiver got " + received.get() + " of " + expected + " messages");
      }
      Thread.onSpinWait();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (received.get() != expected) {
      throw new IllegalStateException(
          "the java receiver counted " + received.get() + " messages, not " + expected);
    }
    return seconds;
  }

  private double jsRound(JsPeer sender, JsPeer receiver, String prefix, int rounds) {
    long expected = (long) count * rounds;
    long start = System.nanoTime();
    sender.call("publish", Map.of("topic", TOPIC.name(), "prefix", prefix, "count", count));
    long got =
        receiver
            .call(
                "awaitCount",
                Map.of("topic", TOPIC.name(), "count", expected, "timeoutMs", ROUND_TIMEOUT_MILLIS))
            .get("count")
            .asLong();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (got != expected) {
      throw new IllegalStateException(
          "the js receiver counted " + got + " messages, not " + expected);
    }
    return seconds;
  }

  private static boolean joined(GossipNode sender, SwarmHost receiver) throws Exception {
    return sender.topicPeers(TOPIC).get(30, TimeUnit.SECONDS).contains(receiver.peerId());
  }

  private static boolean jsJoined(JsPeer sender, JsPeer receiver) {
    for (var peer : sender.call("subscribers", Map.of("topic", TOPIC.name())).get("subscribers")) {
      if (peer.asText().equals(receiver.peerId().toBase58())) {
        return true;
      }
    }
    return false;
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within 30 s: " + what);
      }
      Thread.sleep(10);
    }
  }
}
