package dev.payrelay.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamuxFlowControlTest {

  private static final int WINDOW = YamuxConfig.INITIAL_WINDOW_BYTES;

  @ParameterizedTest
  @ValueSource(ints = {WINDOW, WINDOW + 1})
  void acceptsExactlyTheInitialWindowAndTreatsOneMoreByteAsAnOverrun(int bytes) {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.receive(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));

    peer.receive(
        YamuxFrame.data(1, 0, new byte[bytes - 1000]), YamuxFrame.data(1, 0, new byte[1000]));

    assertThat(peer.failedWithGoAwayProtocolError()).isEqualTo(bytes > WINDOW);
  }

  @ParameterizedTest
  @ValueSource(ints = {WINDOW, WINDOW + 1})
  void sendsExactlyTheWindowAndQueuesTheRestWithBackPressure(int bytes) {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);
    int stream = peer.record(peer.session.open().output()).frames().get(0).streamId();

    YamuxSessionOutput output = peer.record(peer.session.write(stream, new byte[bytes]));

    long sent = output.frames().stream().mapToLong(f -> f.payload().length).sum();
    assertThat(sent).isEqualTo(WINDOW);
    assertThat(peer.session.queuedBytes(stream)).isEqualTo(bytes - WINDOW);
    assertThat(peer.session.sendWindow(stream)).isZero();
    if (bytes > WINDOW) {
      assertThat(output.events()).containsExactly(new YamuxEvent.SendBlocked(stream, 1));
      YamuxSessionOutput resumed = peer.receive(YamuxFrame.windowUpdate(stream, 0, 10));
      assertThat(resumed.frames()).singleElement().extracting(f -> f.payload().length).isEqualTo(1);
      assertThat(resumed.events()).containsExactly(new YamuxEvent.Writable(stream));
      assertThat(peer.session.sendWindow(stream)).isEqualTo(9);
    } else {
      assertThat(output.events()).isEmpty();
    }
  }

  @Test
  void sendsAFinQueuedBehindBlockedDataOnItsOwnEmptyFrame() {
    // js-libp2p's yamux drops the payload of a data frame that also carries FIN.
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);
    int stream = peer.record(peer.session.open().output()).frames().get(0).streamId();
    peer.record(peer.session.write(stream, new byte[WINDOW + 100]));
    peer.record(peer.session.close(stream));

    YamuxSessionOutput resumed = peer.receive(YamuxFrame.windowUpdate(stream, 0, WINDOW));

    assertThat(resumed.frames()).hasSize(2);
    assertThat(resumed.frames().get(0).payload()).hasSize(100);
    assertThat(resumed.frames().get(0).has(YamuxFrame.FLAG_FIN)).isFalse();
    assertThat(resumed.frames().get(1).payload()).isEmpty();
    assertThat(resumed.frames().get(1).has(YamuxFrame.FLAG_FIN)).isTrue();
  }

  @Test
  void windowUpdatesAreAdditiveAndOnlyDataPayloadCounts() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);
    int stream = peer.session.open().streamId();

    peer.receive(
        YamuxFrame.windowUpdate(stream, YamuxFrame.FLAG_ACK, 100),
        YamuxFrame.windowUpdate(stream, 0, 50),
        YamuxFrame.ping(YamuxFrame.FLAG_SYN, 1));
    peer.record(peer.session.write(stream, new byte[10]));
    peer.record(peer.session.close(stream));

    assertThat(peer.session.sendWindow(stream)).isEqualTo(WINDOW + 150 - 10);
  }

  @Test
  void grantsConsumedBytesBackOnceHalfTheWindowIsUsed() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.receive(YamuxFrame.data(1, YamuxFrame.FLAG_SYN, new byte[WINDOW]));

    YamuxSessionOutput small = peer.record(peer.session.consumed(1, WINDOW / 2 - 1));
    YamuxSessionOutput half = peer.record(peer.session.consumed(1, 1));

    assertThat(small.frames()).isEmpty();
    assertThat(half.frames())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo(YamuxFrameType.WINDOW_UPDATE);
              assertThat(f.flags()).isZero();
              assertThat(f.length()).isEqualTo(WINDOW / 2);
            });
  }

  @Test
  void growsTheReceiveWindowForAFastReaderUpToTheMaximum() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.record(peer.session.ping());
    peer.clock.addAndGet(1_000_000);
    peer.receive(YamuxFrame.ping(YamuxFrame.FLAG_ACK, 1));
    peer.receive(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
    long granted = WINDOW;
    for (int i = 0; i < 200; i++) {
      int chunk = (int) Math.min(granted, YamuxFrameCodec.MAX_FRAME_PAYLOAD_BYTES);
      peer.receive(YamuxFrame.data(1, 0, new byte[chunk]));
      granted -= chunk;
      for (YamuxFrame update : peer.record(peer.session.consumed(1, chunk)).frames()) {
        granted += update.length();
      }
      assertThat(peer.session.receiveTarget(1))
          .isLessThanOrEqualTo(YamuxConfig.MAX_RECEIVE_WINDOW_BYTES);
    }

    assertThat(peer.session.receiveTarget(1)).isEqualTo(YamuxConfig.MAX_RECEIVE_WINDOW_BYTES);
    assertThat(peer.session.isFailed()).isFalse();
  }

  @Test
  void keepsTheInitialWindowForASlowReader() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.record(peer.session.ping());
    peer.clock.addAndGet(1_000_000);
    peer.receive(YamuxFrame.ping(YamuxFrame.FLAG_ACK, 1));
    peer.receive(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0));
    for (int i = 0; i < 10; i++) {
      peer.clock.addAndGet(10_000_000);
      peer.receive(YamuxFrame.data(1, 0, new byte[WINDOW / 2]));
      peer.record(peer.session.consumed(1, WINDOW / 2));
    }

    assertThat(peer.session.receiveTarget(1)).isEqualTo(WINDOW);
  }

  @Test
  void answersASynPingWithExactlyAckAndTheSameOpaqueValue() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);

    YamuxSessionOutput output = peer.receive(YamuxFrame.ping(YamuxFrame.FLAG_SYN, 0xcafebabeL));

    assertThat(output.toBytes())
        .containsExactly(HexFormat.of().parseHex("0002000200000000cafebabe"));
    assertThat(output.events()).isEmpty();
  }

  @Test
  void measuresTheRoundTripOfItsOwnPing() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);
    YamuxFrame ping = peer.record(peer.session.ping()).frames().get(0);
    peer.clock.addAndGet(7_000_000);

    YamuxSessionOutput answer = peer.receive(YamuxFrame.ping(YamuxFrame.FLAG_ACK, ping.length()));
    YamuxSessionOutput again = peer.receive(YamuxFrame.ping(YamuxFrame.FLAG_ACK, ping.length()));

    assertThat(ping.flags()).isEqualTo(YamuxFrame.FLAG_SYN);
    assertThat(answer.events()).containsExactly(new YamuxEvent.PingAcked(ping.length(), 7_000_000));
    assertThat(answer.frames()).isEmpty();
    assertThat(again.isEmpty()).isTrue();
  }

  @Test
  void pingsTravelBetweenPairedSessions() {
    YamuxPair pair = new YamuxPair(9L, 5);
    pair.dialer.accept(pair.dialer.session.ping());
    pair.listener.accept(pair.listener.session.ping());
    pair.pump();

    assertThat(pair.dialer.eventsOf(YamuxEvent.PingAcked.class)).hasSize(1);
    assertThat(pair.listener.eventsOf(YamuxEvent.PingAcked.class)).hasSize(1);
    assertThat(List.of(pair.dialer.session.isFailed(), pair.listener.session.isFailed()))
        .containsOnly(false);
  }
}
