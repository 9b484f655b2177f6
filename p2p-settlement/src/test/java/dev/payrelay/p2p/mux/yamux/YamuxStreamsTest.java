package dev.payrelay.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YamuxStreamsTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void opensStreamsBothWaysWithOddAndEvenIds() {
    YamuxPair pair = new YamuxPair(1L, 64);

    int fromDialer = pair.dialer.open();
    int fromListener = pair.listener.open();
    pair.dialer.accept(pair.dialer.session.write(fromDialer, utf8("hello listener")));
    pair.listener.accept(pair.listener.session.write(fromListener, utf8("hello dialer")));
    pair.pump();

    assertThat(fromDialer).isEqualTo(1);
    assertThat(fromListener).isEqualTo(2);
    assertThat(pair.listener.eventsOf(YamuxEvent.InboundStream.class))
        .containsExactly(new YamuxEvent.InboundStream(1));
    assertThat(pair.dialer.eventsOf(YamuxEvent.InboundStream.class))
        .containsExactly(new YamuxEvent.InboundStream(2));
    assertThat(pair.listener.receivedOn(1)).isEqualTo(utf8("hello listener"));
    assertThat(pair.dialer.receivedOn(2)).isEqualTo(utf8("hello dialer"));
    assertThat(pair.dialer.open()).isEqualTo(3);
  }

  @Test
  void carries64MebibytesThroughOneStreamWithinTheReceiversWindow() throws Exception {
    YamuxPair pair = new YamuxPair(64L, 100_000);
    SplittableRandom random = new SplittableRandom(6_400L);
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    pair.listener.keepBytes = false;
    int stream = pair.dialer.open();
    pair.pump();

    for (int i = 0; i < 64; i++) {
      byte[] chunk = new byte[1 << 20];
      random.nextBytes(chunk);
      sent.update(chunk);
      pair.dialer.accept(pair.dialer.session.write(stream, chunk));
      pair.pump();
    }
    pair.dialer.accept(pair.dialer.session.close(stream));
    pair.pump();

    assertThat(pair.listener.receivedCounts.get(stream)).isEqualTo(64L << 20);
    assertThat(pair.listener.digests.get(stream).digest()).isEqualTo(sent.digest());
    assertThat(pair.dialer.session.queuedBytes(stream)).isZero();
    assertThat(pair.dialer.largestDataFrame)
        .isLessThanOrEqualTo(YamuxConfig.MAX_OUTBOUND_FRAME_PAYLOAD_BYTES);
    assertThat(pair.listener.eventsOf(YamuxEvent.RemoteClosed.class)).hasSize(1);
    assertThat(pair.listener.eventsOf(YamuxEvent.ProtocolError.class)).isEmpty();
  }

  @Test
  void runsAHundredConcurrentStreams() {
    YamuxPair pair = new YamuxPair(100L, 4_096);
    SplittableRandom random = new SplittableRandom(100L);
    List<Integer> ids = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      YamuxPair.Side opener = i % 2 == 0 ? pair.dialer : pair.listener;
      ids.add(opener.open());
      byte[] payload = new byte[random.nextInt(300_000)];
      random.nextBytes(payload);
      payloads.add(payload);
    }
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < 100; i++) {
        YamuxPair.Side writer = i % 2 == 0 ? pair.dialer : pair.listener;
        byte[] payload = payloads.get(i);
        int from = payload.length * round / 4;
        int to = payload.length * (round + 1) / 4;
        writer.accept(
            writer.session.write(ids.get(i), java.util.Arrays.copyOfRange(payload, from, to)));
      }
      pair.pump();
    }
    for (int i = 0; i < 100; i++) {
      pair.dialer.accept(pair.dialer.session.close(ids.get(i)));
      pair.listener.accept(pair.listener.session.close(ids.get(i)));
    }
    pair.pump();

    for (int i = 0; i < 100; i++) {
      YamuxPair.Side reader = i % 2 == 0 ? pair.listener : pair.dialer;
      assertThat(reader.receivedOn(ids.get(i)))
          .as("stream %d", ids.get(i))
          .isEqualTo(payloads.get(i));
    }
    assertThat(pair.dialer.session.streamCount()).isZero();
    assertThat(pair.listener.session.streamCount()).isZero();
    assertThat(pair.dialer.eventsOf(YamuxEvent.StreamClosed.class)).hasSize(100);
    assertThat(pair.listener.eventsOf(YamuxEvent.StreamClosed.class)).hasSize(100);
  }

  @Test
  void finHalfClosesOneDirectionOnly() {
    YamuxPair pair = new YamuxPair(2L, 16);
    int stream = pair.dialer.open();
    pair.dialer.accept(pair.dialer.session.write(stream, utf8("request")));
    pair.dialer.accept(pair.dialer.session.close(stream));
    pair.pump();

    assertThat(pair.listener.eventsOf(YamuxEvent.RemoteClosed.class))
        .containsExactly(new YamuxEvent.RemoteClosed(stream));
    assertThatThrownBy(() -> pair.dialer.session.write(stream, utf8("more")))
        .isInstanceOf(IllegalStateException.class);

    pair.listener.accept(pair.listener.session.write(stream, utf8("response")));
    pair.listener.accept(pair.listener.session.close(stream));
    pair.pump();

    assertThat(pair.dialer.receivedOn(stream)).isEqualTo(utf8("response"));
    assertThat(pair.dialer.eventsOf(YamuxEvent.StreamClosed.class)).hasSize(1);
    assertThat(pair.listener.eventsOf(YamuxEvent.StreamClosed.class)).hasSize(1);
    assertThat(pair.dialer.session.streamCount()).isZero();
  }

  @Test
  void finWaitsForQueuedBytesAndRidesOnTheLastDataFrame() {
    YamuxPair pair = new YamuxPair(3L, 1_000);
    int stream = pair.dialer.open();
    pair.pump();
    pair.listener.autoConsume = false;
    pair.dialer.accept(
        pair.dialer.session.write(stream, new byte[YamuxConfig.INITIAL_WINDOW_BYTES + 10]));
    YamuxSessionOutput closing = pair.dialer.session.close(stream);

    assertThat(closing.frames()).isEmpty();
    pair.dialer.accept(closing);
    pair.pump();
    assertThat(pair.listener.eventsOf(YamuxEvent.RemoteClosed.class)).isEmpty();

    pair.listener.accept(pair.listener.session.consumed(stream, YamuxConfig.INITIAL_WINDOW_BYTES));
    pair.pump();

    assertThat(pair.listener.receivedOn(stream)).hasSize(YamuxConfig.INITIAL_WINDOW_BYTES + 10);
    assertThat(pair.listener.eventsOf(YamuxEvent.RemoteClosed.class)).hasSize(1);
  }

  @Test
  void resetDropsTheStreamOnBothSidesAndLateFramesAreIgnored() {
    YamuxPair pair = new YamuxPair(4L, 32);
    int stream = pair.dialer.open();
    pair.pump();
    pair.listener.accept(pair.listener.session.write(stream, utf8("in flight")));
    pair.dialer.accept(pair.dialer.session.reset(stream));
    pair.pump();

    assertThat(pair.listener.eventsOf(YamuxEvent.StreamReset.class))
        .containsExactly(new YamuxEvent.StreamReset(stream));
    assertThat(pair.dialer.eventsOf(YamuxEvent.ProtocolError.class)).isEmpty();
    assertThat(pair.dialer.receivedOn(stream)).isEmpty();
    assertThat(pair.dialer.session.streamCount()).isZero();
    assertThat(pair.listener.session.streamCount()).isZero();
  }

  @Test
  void goAwayStopsNewStreamsButNotExistingOnes() {
    YamuxPair pair = new YamuxPair(5L, 32);
    int stream = pair.dialer.open();
    pair.pump();
    pair.listener.accept(pair.listener.session.goAway(YamuxFrame.GO_AWAY_NORMAL));
    pair.pump();

    assertThat(pair.dialer.eventsOf(YamuxEvent.GoAwayReceived.class))
        .containsExactly(new YamuxEvent.GoAwayReceived(0));
    assertThatThrownBy(pair.dialer.session::open).isInstanceOf(IllegalStateException.class);
    pair.dialer.accept(pair.dialer.session.write(stream, utf8("still fine")));
    pair.pump();
    assertThat(pair.listener.receivedOn(stream)).isEqualTo(utf8("still fine"));
  }

  @Test
  void refusesStreamsOpenedAfterOurGoAwayWithRst() {
    YamuxPair pair = new YamuxPair(7L, 32);
    pair.listener.accept(pair.listener.session.goAway(YamuxFrame.GO_AWAY_NORMAL));
    int stream = pair.dialer.open(); // crosses the go away on the wire
    pair.pump();

    assertThat(pair.dialer.eventsOf(YamuxEvent.StreamReset.class))
        .containsExactly(new YamuxEvent.StreamReset(stream));
    assertThat(pair.listener.eventsOf(YamuxEvent.InboundStream.class)).isEmpty();
  }

  @Test
  void refusesStreamsBeyondTheLimitWithRst() {
    YamuxPair pair =
        new YamuxPair(
            YamuxConfig.defaults(YamuxRole.DIALER),
            YamuxConfig.defaults(YamuxRole.LISTENER).withMaxStreams(2),
            6L,
            32);

    int first = pair.dialer.open();
    int second = pair.dialer.open();
    int third = pair.dialer.open();
    pair.dialer.accept(pair.dialer.session.write(third, utf8("ignored")));
    pair.pump();

    assertThat(pair.listener.eventsOf(YamuxEvent.InboundStream.class))
        .containsExactly(new YamuxEvent.InboundStream(first), new YamuxEvent.InboundStream(second));
    assertThat(pair.dialer.eventsOf(YamuxEvent.StreamReset.class))
        .containsExactly(new YamuxEvent.StreamReset(third));
    assertThat(pair.listener.eventsOf(YamuxEvent.ProtocolError.class)).isEmpty();
    assertThat(pair.listener.receivedOn(third)).isEmpty();
  }
}
