package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static dev.payrelay.p2p.testing.TestHosts.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.LengthPrefixedReader;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.pubsub.gossip.host.GossipNode;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.TestHosts;
import dev.payrelay.settlement.SettlementConfig;
import dev.payrelay.settlement.message.SyncRequest;
import dev.payrelay.settlement.message.SyncResponse;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The allowlist on real connections, and the sync server against hostile bytes. */
class MembershipAndSyncInputTest {
  @RegisterExtension final NetNodes nodes = new NetNodes();

  @Test
  void aStrangerCannotStayConnectedToAnAllowlistNodeWhileAMemberDoes() {
    NetNode member = nodes.start(NetNode.config());
    NetNode stranger = nodes.start(NetNode.config());
    NetNode guarded =
        nodes.start(NetNode.config().withMembership(Membership.allowlist(Set.of(member.id()))));

    SwarmHost rawStranger = TestHosts.started();
    nodes.closeAfter(rawStranger);
    member.dial(guarded);
    // The handshakes succeed (the peer id is known only then); the guard hangs up right after.
    Connection raw = await(rawStranger.connect(guarded.address()));
    stranger.node.dial(guarded.address()).exceptionally(error -> null);

    eventually("the raw stranger was cut off", () -> !raw.isOpen());
    eventually("the stranger node was cut off", () -> !stranger.connectedTo(guarded.id()));
    assertThat(rawStranger.connections(guarded.id())).isEmpty();
    assertThat(guarded.connectedTo(stranger.id())).isFalse();
    assertThat(guarded.connectedTo(member.id())).isTrue();
    assertThat(member.connectedTo(guarded.id())).isTrue();
    assertThat(failureOf(guarded.node.dial(stranger.address())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowlist");
  }

  @Test
  void resetsSyncStreamsWithAnOversizedPrefixOrGarbageAndKeepsServing() {
    NetNode server = nodes.start(NetNode.config());
    SwarmHost raw = TestHosts.started();
    nodes.closeAfter(raw);

    ByteArrayOutputStream huge = new ByteArrayOutputStream();
    huge.writeBytes(Varint.encode(SyncRequest.MAX_BYTES + 1));
    huge.writeBytes(new byte[SyncRequest.MAX_BYTES + 1]);
    assertThat(exchange(raw, server, huge.toByteArray()).reset).isTrue();

    byte[] garbage = LengthPrefixedReader.frame(new byte[] {0x7f, 0x7f, 0x7f});
    assertThat(exchange(raw, server, garbage).reset).isTrue();

    byte[] twoRequests = twice(LengthPrefixedReader.frame(new SyncRequest(0, 10).encode()));
    assertThat(exchange(raw, server, twoRequests).reset).isTrue();

    Exchange valid =
        exchange(raw, server, LengthPrefixedReader.frame(new SyncRequest(0, 10).encode()));
    assertThat(valid.reset).isFalse();
    assertThat(SyncResponse.decode(valid.response).items()).isEmpty();
  }

  @Test
  void aPeerServingAMalformedSyncPageLosesGossipScore() {
    NetNode node = nodes.start(NetNode.config());
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    SwarmHost liar =
        nodes.closeAfter(TestHosts.started(SwarmConfig.defaults(key, NetNode.LOOPBACK_ANY_PORT)));
    liar.setStreamHandler(
        SyncRequest.PROTOCOL_ID,
        stream -> {
          stream.write(LengthPrefixedReader.frame(new byte[] {0x08, 0x01, 0x12, 0x7f}));
          stream.closeWrite();
        });
    GossipNode gossip =
        nodes.closeAfter(GossipNode.start(liar, key, GossipParams.defaults(), Clock.systemUTC()));
    String proofs = SettlementConfig.of(NetNode.NETWORK).proofsTopic();
    await(
        gossip
            .subscribe(Topic.of(proofs), MessageValidator.ACCEPT_ALL, (id, message) -> {})
            .toCompletableFuture());
    await(liar.connect(node.address()));
    // The node's router sends its subscriptions as soon as it adds a peer: once the liar has
    // them, a penalty can no longer miss it.
    eventually(
        "the liar is a gossip peer of the node",
        () -> await(gossip.topicPeers(Topic.of(proofs))).contains(node.id()));

    assertThat(node.node.engine().catchUp(liar.peerId()).block(NetNode.BOUND)).isZero();

    eventually(
        "the node's score of the liar fell by a malformed page's penalty at least",
        () -> node.scoreOf(liar.peerId()).map(score -> score <= -40.0).orElse(false));
  }

  /** What came back on one sync stream after writing {@code bytes} and half-closing. */
  private static Exchange exchange(SwarmHost raw, NetNode server, byte[] bytes) {
    Stream stream = await(raw.newStream(server.address(), SyncRequest.PROTOCOL_ID));
    Exchange result = new Exchange();
    LengthPrefixedReader reader = new LengthPrefixedReader(SyncResponse.MAX_BYTES);
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] data) {
            try {
              reader.feed(data).forEach(message -> result.response = message);
            } catch (java.io.IOException e) {
              result.done.completeExceptionally(e);
            }
          }

          @Override
          public void onReset() {
            result.reset = true;
            result.done.complete(null);
          }

          @Override
          public void onClosed() {
            result.done.complete(null);
          }
        });
    stream.write(bytes);
    stream.closeWrite();
    await(result.done);
    return result;
  }

  private static final class Exchange {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile boolean reset;
    volatile byte[] response;
  }

  private static byte[] twice(byte[] frame) {
    byte[] both = new byte[frame.length * 2];
    System.arraycopy(frame, 0, both, 0, frame.length);
    System.arraycopy(frame, 0, both, frame.length, frame.length);
    return both;
  }
}
