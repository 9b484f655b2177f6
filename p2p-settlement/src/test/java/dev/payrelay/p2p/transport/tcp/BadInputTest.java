package dev.payrelay.p2p.transport.tcp;

import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.multistream.MultistreamMessage;
import dev.payrelay.p2p.mux.yamux.YamuxConfig;
import dev.payrelay.p2p.mux.yamux.YamuxFrame;
import dev.payrelay.p2p.mux.yamux.YamuxFrameType;
import dev.payrelay.p2p.security.noise.ForgedNoiseInitiator;
import dev.payrelay.p2p.security.noise.NoiseFrames;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.NettyLeaks;
import dev.payrelay.p2p.testing.TestHosts;
import dev.payrelay.p2p.testing.TestProtocols;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host fed bad input at every layer. Each case ends with the offending connection closed (or the
 * stream refused), and after each the host still serves an honest peer; the class fails on any
 * leaked Netty buffer.
 */
@ExtendWith(NettyLeaks.class)
class BadInputTest {

  /** Short, so that truncated input is dropped soon; long enough for a loaded 2-core machine. */
  private static final Duration UPGRADE_TIMEOUT = Duration.ofSeconds(3);

  private SwarmHost server;
  private SwarmHost honest;

  @BeforeEach
  void start() {
    SwarmConfig defaults =
        SwarmConfig.defaults(Ed25519KeyPair.generate(), TestHosts.LOOPBACK_ANY_PORT);
    TcpTransportConfig transport = defaults.transport();
    server =
        TestHosts.started(
            defaults.withTransport(
                new TcpTransportConfig(
                    transport.identity(),
                    transport.dialTimeout(),
                    UPGRADE_TIMEOUT,
                    transport.idleTimeout(),
                    transport.maxStreamsPerConnection())));
    TestProtocols.serve(server, received -> {});
    honest = TestHosts.started();
  }

  @AfterEach
  void theHostStillServesAnHonestPeer() {
    try {
      byte[] payload = "still here".getBytes(StandardCharsets.UTF_8);
      // The host may need a moment to notice that sockets of a case went away.
      eventually("the honest peer connects", () -> connects(honest, server));
      boolean echoed = TestHosts.await(TestProtocols.echoOnce(honest, server.peerId(), payload));
      assertThat(echoed).isTrue();
      eventually(
          "only the honest peer is connected",
          () ->
              server.connections().stream().allMatch(c -> c.remotePeer().equals(honest.peerId())));
    } finally {
      honest.close();
      server.close();
    }
  }

  @Test
  void dropsRandomBytesOnThePort() throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 20; round++) {
      byte[] junk = new byte[1 + random.nextInt(4_096)];
      random.nextBytes(junk);
      try (RawPeer peer = raw()) {
        peer.send(junk);
        assertThat(peer.closedByHost()).as("round %d of seed %d", round, seed).isTrue();
      }
    }
  }

  @Test
  void closesSocketsBeyondTheLimitOfStalledUpgradesAtOnce() throws Exception {
    List<RawPeer> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < TcpTransport.MAX_INBOUND_UPGRADES; i++) {
        stalled.add(raw()); // connects, then says nothing
      }
      try (RawPeer oneMore = raw()) {
        long started = System.nanoTime();
        assertThat(oneMore.closedByHost()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(UPGRADE_TIMEOUT);
      }
    } finally {
      for (RawPeer peer : stalled) {
        peer.close();
      }
    }
  }

  @Test
  void dropsATruncatedMultistreamLengthPrefixAfterTheUpgradeTimeout() throws Exception {
    try (RawPeer peer = raw()) {
      byte[] header = MultistreamMessage.encode(MultistreamMessage.PROTOCOL_ID);
      peer.send(java.util.Arrays.copyOf(header, 6)); // the prefix promises 19 bytes
      assertThat(peer.closedByHost()).isTrue();
    }
  }

  @Test
  void dropsAnOversizedMultistreamLengthPrefixAtOnce() throws Exception {
    try (RawPeer peer = raw()) {
      peer.send(Varint.encode(1_000_000));
      assertThat(peer.closedByHost()).isTrue();
    }
  }

  @Test
  void dropsATruncatedNoiseLengthPrefix() throws Exception {
    try (RawPeer peer = raw()) {
      peer.negotiatePlain(UpgradeHandler.NOISE);
      peer.send(new byte[] {0x00}); // one byte of the two-byte length
      assertThat(peer.closedByHost()).isTrue();
    }
  }

  @Test
  void dropsANoiseLengthPrefixBelowTheSmallestMessage() throws Exception {
    try (RawPeer peer = raw()) {
      peer.negotiatePlain(UpgradeHandler.NOISE);
      peer.send(new byte[] {0x00, 0x01, 0x42});
      assertThat(peer.closedByHost()).isTrue();
    }
  }

  @Test
  void dropsAMaximalNoiseFrameOfGarbageInTheHandshake() throws Exception {
    try (RawPeer peer = raw()) {
      peer.negotiatePlain(UpgradeHandler.NOISE);
      byte[] garbage = new byte[NoiseFrames.MAX_FRAME_BYTES];
      new SplittableRandom(7).nextBytes(garbage);
      peer.send(NoiseFrames.frame(garbage));
      assertThat(peer.closedByHost()).isTrue();
    }
  }

  @Test
  void dropsAnInitiatorWhoseNoiseSignatureDoesNotVerify() throws Exception {
    Ed25519KeyPair identity = Ed25519KeyPair.generate();
    try (RawPeer peer = raw()) {
      peer.negotiatePlain(UpgradeHandler.NOISE);
      ForgedNoiseInitiator forged = new ForgedNoiseInitiator(identity);
      peer.send(NoiseFrames.frame(forged.message1()));
      forged.readMessage2(peer.readFrame());
      peer.send(NoiseFrames.frame(forged.message3WithWrongSignature()));
      assertThat(peer.closedByHost()).isTrue();
    }
    assertThat(server.peerStore().get(identity.peerId())).isEmpty();
  }

  @Test
  void goesAwayOnAWrongYamuxVersion() throws Exception {
    try (RawPeer peer = upgraded()) {
      byte[] header = ByteBuffer.allocate(YamuxFrame.HEADER_BYTES).put((byte) 1).array();
      peer.sendSecure(header); // version 1, a data frame of stream 0, length 0
      assertThat(peer.yamuxFramesUntilClosed()).anySatisfy(BadInputTest::isProtocolErrorGoAway);
    }
  }

  @Test
  void goesAwayWhenTheDialerOpensAStreamWithTheListenersParity() throws Exception {
    try (RawPeer peer = upgraded()) {
      peer.sendYamux(YamuxFrame.windowUpdate(2, YamuxFrame.FLAG_SYN, 0));
      assertThat(peer.yamuxFramesUntilClosed()).anySatisfy(BadInputTest::isProtocolErrorGoAway);
    }
  }

  @Test
  void goesAwayWhenTheDialerReusesAStreamId() throws Exception {
    try (RawPeer peer = upgraded()) {
      peer.sendYamux(
          YamuxFrame.windowUpdate(5, YamuxFrame.FLAG_SYN, 0),
          YamuxFrame.windowUpdate(3, YamuxFrame.FLAG_SYN, 0));
      assertThat(peer.yamuxFramesUntilClosed()).anySatisfy(BadInputTest::isProtocolErrorGoAway);
    }
  }

  @Test
  void goesAwayWhenThePeerOverrunsAStreamWindow() throws Exception {
    try (RawPeer peer = upgraded()) {
      peer.sendYamux(
          YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0),
          YamuxFrame.data(1, 0, new byte[YamuxConfig.INITIAL_WINDOW_BYTES + 1]));
      assertThat(peer.yamuxFramesUntilClosed()).anySatisfy(BadInputTest::isProtocolErrorGoAway);
    }
  }

  @Test
  void answersNaToAnUnknownProtocolAndKeepsTheConnection() throws Exception {
    try (RawPeer peer = upgraded()) {
      byte[] proposal =
          MultistreamMessage.encodeAll(MultistreamMessage.PROTOCOL_ID, "/no/such/protocol/1.0.0");
      peer.sendYamux(
          YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0), YamuxFrame.data(1, 0, proposal));
      byte[] expected =
          MultistreamMessage.encodeAll(MultistreamMessage.PROTOCOL_ID, MultistreamMessage.NA);
      assertThat(streamData(peer, 1, expected.length)).isEqualTo(expected);

      // The same stream may propose again; echo is served.
      peer.sendYamux(YamuxFrame.data(1, 0, MultistreamMessage.encode(TestProtocols.ECHO)));
      byte[] echo = MultistreamMessage.encode(TestProtocols.ECHO);
      assertThat(streamData(peer, 1, echo.length)).isEqualTo(echo);
      peer.sendYamux(YamuxFrame.data(1, 0, new byte[] {1, 2, 3}));
      assertThat(streamData(peer, 1, 3)).containsExactly(1, 2, 3);
    }
  }

  private static boolean connects(SwarmHost client, SwarmHost host) {
    try {
      client.connect(TestHosts.dialable(host)).get(5, java.util.concurrent.TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private RawPeer raw() throws Exception {
    return new RawPeer(server.listenAddresses().get(0));
  }

  private RawPeer upgraded() throws Exception {
    RawPeer peer = raw();
    peer.upgrade(server.peerId());
    return peer;
  }

  /** Collects {@code length} data bytes the host sends on {@code streamId}. */
  private static byte[] streamData(RawPeer peer, int streamId, int length) throws Exception {
    List<Byte> bytes = new ArrayList<>();
    while (bytes.size() < length) {
      for (YamuxFrame frame : peer.readYamux()) {
        if (frame.type() == YamuxFrameType.DATA && frame.streamId() == streamId) {
          for (byte b : frame.payload()) {
            bytes.add(b);
          }
        }
      }
    }
    byte[] result = new byte[bytes.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = bytes.get(i);
    }
    return result;
  }

  private static void isProtocolErrorGoAway(YamuxFrame frame) {
    assertThat(frame.type()).isEqualTo(YamuxFrameType.GO_AWAY);
    assertThat(frame.length()).isEqualTo(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
  }
}
