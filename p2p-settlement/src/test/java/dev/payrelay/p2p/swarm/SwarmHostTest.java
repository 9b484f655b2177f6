package dev.payrelay.p2p.swarm;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.dialable;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static dev.payrelay.p2p.testing.TestHosts.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ConnectionListener;
import dev.payrelay.p2p.host.ProtocolNotSupportedException;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.protocol.identify.IdentifyService;
import dev.payrelay.p2p.protocol.ping.PingService;
import dev.payrelay.p2p.testing.NettyLeaks;
import dev.payrelay.p2p.testing.TestHosts;
import dev.payrelay.p2p.testing.TestProtocols;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeaks.class)
class SwarmHostTest {

  private SwarmHost alice;
  private SwarmHost bob;
  private final List<TestProtocols.Received> bobSink = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startHosts() {
    alice = TestHosts.started();
    bob = TestHosts.started();
    TestProtocols.serve(bob, bobSink::add);
  }

  @AfterEach
  void stopHosts() {
    alice.close();
    bob.close();
  }

  @Test
  void identifyFillsBothPeerStoresWithTheOthersProtocolsKeyAndAddress() {
    List<String> events = new CopyOnWriteArrayList<>();
    bob.addConnectionListener(recording("bob", events));
    alice.addConnectionListener(recording("alice", events));

    Connection connection = await(alice.connect(dialable(bob)));

    assertThat(connection.remotePeer()).isEqualTo(bob.peerId());
    assertThat(connection.direction()).isEqualTo(Connection.Direction.OUTBOUND);
    eventually(
        "both identified", () -> events.containsAll(List.of("alice identified", "bob identified")));
    assertThat(alice.peerStore().protocols(bob.peerId()))
        .contains(IdentifyService.PROTOCOL_ID, PingService.PROTOCOL_ID, TestProtocols.ECHO);
    assertThat(bob.peerStore().protocols(alice.peerId()))
        .contains(IdentifyService.PROTOCOL_ID, PingService.PROTOCOL_ID)
        .doesNotContain(TestProtocols.ECHO);
    assertThat(alice.peerStore().get(bob.peerId()).orElseThrow().publicKey())
        .contains(connection.remotePublicKey());
    assertThat(bob.peerStore().addresses(alice.peerId()))
        .containsExactlyElementsOf(alice.listenAddresses());
    assertThat(events).contains("alice connected", "bob connected");
  }

  @Test
  void identifyPushTellsConnectedPeersAboutANewProtocol() {
    await(alice.connect(dialable(bob)));
    eventually("identified", () -> !bob.peerStore().protocols(alice.peerId()).isEmpty());

    alice.setStreamHandler("/payrelay/test/late/1.0.0", stream -> stream.reset());

    eventually(
        "bob learns the new protocol",
        () -> bob.peerStore().protocols(alice.peerId()).contains("/payrelay/test/late/1.0.0"));
  }

  @Test
  void pingsBothWays() {
    Connection ab = await(alice.connect(dialable(bob)));
    List<Duration> rtts = await(new PingService().ping(ab, 3));
    assertThat(rtts).hasSize(3).allSatisfy(rtt -> assertThat(rtt).isPositive());

    Connection ba = await(bob.connect(alice.peerId()));
    assertThat(await(new PingService().ping(ba, 1))).hasSize(1);
  }

  @Test
  void echoesOnAStreamAndHalfClosesCleanly() {
    Stream stream = await(alice.newStream(dialable(bob), "/nope/1.0.0", TestProtocols.ECHO));
    assertThat(stream.protocol()).isEqualTo(TestProtocols.ECHO);
    CompletableFuture<byte[]> echoed = TestProtocols.readAll(stream);
    stream.write("hello ".getBytes(StandardCharsets.UTF_8));
    stream.write("yamux".getBytes(StandardCharsets.UTF_8));
    stream.closeWrite();
    assertThat(new String(await(echoed), StandardCharsets.UTF_8)).isEqualTo("hello yamux");
    eventually("stream gone", () -> !stream.isOpen());
  }

  @Test
  void refusesAStreamForAnUnknownProtocolWithNa() {
    Throwable failure = failureOf(alice.newStream(dialable(bob), "/unknown/1.0.0"));
    assertThat(failure).isInstanceOf(ProtocolNotSupportedException.class);
    // The connection survives a refused stream.
    assertThat(await(alice.newStream(bob.peerId(), TestProtocols.ECHO)).protocol())
        .isEqualTo(TestProtocols.ECHO);
  }

  @Test
  void sendsSixtyFourMebibytesOnOneStreamWithAMatchingChecksum() {
    Stream stream = await(alice.newStream(dialable(bob), TestProtocols.SINK));
    TestProtocols.Bulk bulk = await(TestProtocols.sendBulk(stream, 64L << 20, 42));
    assertThat(bulk.bytes()).isEqualTo(64L << 20);
    assertThat(bulk.answeredSha256()).isEqualTo(bulk.sentSha256());
    assertThat(bobSink).containsExactly(new TestProtocols.Received(64L << 20, bulk.sentSha256()));
  }

  @Test
  void runsAHundredConcurrentStreams() {
    await(alice.connect(dialable(bob)));
    List<CompletableFuture<Boolean>> echoes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      byte[] payload = ("stream " + i + " ").repeat(100 + i).getBytes(StandardCharsets.UTF_8);
      echoes.add(TestProtocols.echoOnce(alice, bob.peerId(), payload));
    }
    for (CompletableFuture<Boolean> echo : echoes) {
      assertThat(await(echo)).isTrue();
    }
    assertThat(alice.connections(bob.peerId())).hasSize(1);
  }

  @Test
  void failsADialToTheWrongPeerId() {
    var impostor = Ed25519KeyPair.generate().peerId();
    var address = bob.listenAddresses().get(0).withPeerId(impostor);
    Throwable failure = failureOf(alice.connect(address));
    assertThat(failure).hasMessageContaining("authenticated as " + bob.peerId());
    assertThat(bob.connections()).isEmpty();
  }

  @Test
  void stopClosesConnectionsAndTellsListeners() {
    List<String> events = new CopyOnWriteArrayList<>();
    bob.addConnectionListener(recording("bob", events));
    Connection connection = await(alice.connect(dialable(bob)));
    eventually("bob connected", () -> events.contains("bob connected"));

    alice.close();

    await(connection.closeFuture());
    eventually("bob disconnected", () -> events.contains("bob disconnected"));
    assertThat(alice.connections()).isEmpty();
    assertThat(alice.listenAddresses()).isEmpty();
  }

  @Test
  void closesConnectionsWithoutStreamsAfterTheIdleTimeout() {
    SwarmConfig config =
        SwarmConfig.defaults(Ed25519KeyPair.generate(), TestHosts.LOOPBACK_ANY_PORT);
    var transport = config.transport();
    SwarmHost quick =
        TestHosts.started(
            config.withTransport(
                new dev.payrelay.p2p.transport.tcp.TcpTransportConfig(
                    transport.identity(),
                    transport.dialTimeout(),
                    transport.upgradeTimeout(),
                    Duration.ofMillis(300),
                    transport.maxStreamsPerConnection())));
    try {
      Connection connection = await(quick.connect(dialable(bob)));
      await(connection.closeFuture());
      assertThat(quick.connections()).isEmpty();
    } finally {
      quick.close();
    }
  }

  @Test
  void refusesConnectionsBeyondTheLimit() {
    SwarmHost single =
        TestHosts.started(
            SwarmConfig.defaults(Ed25519KeyPair.generate(), TestHosts.LOOPBACK_ANY_PORT)
                .withMaxConnections(1));
    try {
      await(alice.connect(dialable(single)));
      eventually("counted", () -> single.connections().size() == 1);
      assertThat(failureOf(bob.connect(dialable(single)))).isNotNull();
      assertThat(single.connections()).hasSize(1);
    } finally {
      single.close();
    }
  }

  private static ConnectionListener recording(String who, List<String> events) {
    return new ConnectionListener() {
      @Override
      public void onConnected(Connection connection) {
        events.add(who + " connected");
      }

      @Override
      public void onIdentified(Connection connection) {
        events.add(who + " identified");
      }

      @Override
      public void onDisconnected(Connection connection) {
        events.add(who + " disconnected");
      }
    };
  }
}
