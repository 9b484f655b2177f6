package dev.payrelay.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class YamuxProtocolErrorTest {

  private static final int SYN = YamuxFrame.FLAG_SYN;

  @Test
  void wrongVersionEndsTheSessionWithGoAwayProtocolError() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    YamuxSessionOutput output =
        peer.receiveBytes(HexFormat.of().parseHex("010100010000000100000000"));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
    assertThat(output.toBytes())
        .containsExactly(HexFormat.of().parseHex("000300000000000000000001"));
    assertThat(peer.receiveBytes(new byte[] {1, 2, 3}).isEmpty()).isTrue();
  }

  @Test
  void listenerRejectsASynOnAnEvenId() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    peer.receive(YamuxFrame.windowUpdate(2, SYN, 0));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void dialerRejectsASynOnAnOddId() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.DIALER);

    peer.receive(YamuxFrame.windowUpdate(1, SYN, 0));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsReuseOfAStreamId() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.receive(YamuxFrame.windowUpdate(3, SYN, 0));
    peer.record(peer.session.reset(3));

    peer.receive(YamuxFrame.windowUpdate(3, SYN, 0));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsAStreamIdBelowOneAlreadyUsed() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.receive(YamuxFrame.windowUpdate(5, SYN, 0));

    peer.receive(YamuxFrame.windowUpdate(3, SYN, 0));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsDataForAStreamNeverOpened() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    peer.receive(YamuxFrame.data(7, 0, new byte[] {1}));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsFramesForOurOwnIdsWeNeverOpened() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    peer.receive(YamuxFrame.windowUpdate(2, YamuxFrame.FLAG_ACK, 0));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsStreamFramesOnStreamZero() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    peer.receive(YamuxFrame.data(0, 0, new byte[] {1}));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void rejectsDataAfterFin() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);
    peer.receive(YamuxFrame.data(1, SYN | YamuxFrame.FLAG_FIN, new byte[] {1}));

    peer.receive(YamuxFrame.data(1, 0, new byte[] {2}));

    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }

  @Test
  void framesBeforeTheErrorAreStillReported() {
    YamuxRawPeer peer = new YamuxRawPeer(YamuxRole.LISTENER);

    peer.receive(YamuxFrame.data(1, SYN, new byte[] {9}), YamuxFrame.data(4, SYN, new byte[0]));

    assertThat(peer.events.get(0)).isEqualTo(new YamuxEvent.InboundStream(1));
    assertThat(peer.events.get(1)).isInstanceOf(YamuxEvent.Data.class);
    assertThat(peer.failedWithGoAwayProtocolError()).isTrue();
  }
}
