package dev.payrelay.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two sessions wired back to back in memory. Bytes travel in random chunks; every data frame is
 * audited against the window the receiver has granted so far, and the receiving application
 * consumes data at once unless told otherwise.
 */
final class YamuxPair {

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  final Side dialer;
  final Side listener;
  private final SplittableRandom random;
  private final int maxChunk;

  YamuxPair(long seed, int maxChunk) {
    this(
        YamuxConfig.defaults(YamuxRole.DIALER),
        YamuxConfig.defaults(YamuxRole.LISTENER),
        seed,
        maxChunk);
  }

  YamuxPair(YamuxConfig dialerConfig, YamuxConfig listenerConfig, long seed, int maxChunk) {
    this.random = new SplittableRandom(seed);
    this.maxChunk = maxChunk;
    this.dialer = new Side("dialer", new YamuxSession(dialerConfig, clock::get));
    this.listener = new Side("listener", new YamuxSession(listenerConfig, clock::get));
    dialer.peer = listener;
    listener.peer = dialer;
  }

  /** Delivers everything in flight, both ways, until quiet. */
  void pump() {
    while (dialer.outbox.size() > 0 || listener.outbox.size() > 0) {
      dialer.deliver();
      listener.deliver();
    }
  }

  final class Side {
    final String name;
    final YamuxSession session;
    final List<YamuxEvent> events = new ArrayList<>();
    final Map<Integer, ByteArrayOutputStream> received = new HashMap<>();
    final ByteArrayOutputStream outbox = new ByteArrayOutputStream();

    /** Window this side has granted the peer per stream, as seen on the wire. */
    final Map<Integer, Long> grantedToPeer = new HashMap<>();

    final Map<Integer, MessageDigest> digests = new HashMap<>();
    final Map<Integer, Long> receivedCounts = new HashMap<>();
    boolean autoConsume = true;
    boolean keepBytes = true;
    long largestDataFrame;
    Side peer;

    Side(String name, YamuxSession session) {
      this.name = name;
      this.session = session;
    }

    int open() {
      YamuxOpen opened = session.open();
      accept(opened.output());
      return opened.streamId();
    }

    void accept(YamuxSessionOutput output) {
      for (YamuxFrame frame : output.frames()) {
        audit(frame);
      }
      outbox.writeBytes(output.toBytes());
      for (YamuxEvent event : output.events()) {
        events.add(event);
        if (event instanceof YamuxEvent.Data) {
          YamuxEvent.Data data = (YamuxEvent.Data) event;
          digests.computeIfAbsent(data.streamId(), id -> sha256()).update(data.bytes());
          receivedCounts.merge(data.streamId(), (long) data.bytes().length, Long::sum);
          if (keepBytes) {
            received
                .computeIfAbsent(data.streamId(), id -> new ByteArrayOutputStream())
                .writeBytes(data.bytes());
          }
          if (autoConsume) {
            accept(session.consumed(data.streamId(), data.bytes().length));
          }
        }
      }
    }

    private void audit(YamuxFrame frame) {
      int id = frame.streamId();
      if (frame.type() == YamuxFrameType.WINDOW_UPDATE) {
        if (frame.has(YamuxFrame.FLAG_SYN) || frame.has(YamuxFrame.FLAG_ACK)) {
          grantedToPeer.put(id, (long) YamuxConfig.INITIAL_WINDOW_BYTES);
        }
        grantedToPeer.merge(id, frame.length(), Long::sum);
      } else if (frame.type() == YamuxFrameType.DATA && frame.payload().length > 0) {
        long window = peer.grantedToPeer.getOrDefault(id, (long) YamuxConfig.INITIAL_WINDOW_BYTES);
        assertThat((long) frame.payload().length)
            .as("%s data frame on stream %d within the receiver's window", name, id)
            .isLessThanOrEqualTo(window);
        peer.grantedToPeer.put(id, window - frame.payload().length);
        largestDataFrame = Math.max(largestDataFrame, frame.payload().length);
      }
    }

    void deliver() {
      byte[] bytes = outbox.toByteArray();
      outbox.reset();
      int pos = 0;
      while (pos < bytes.length) {
        int n = Math.min(bytes.length - pos, 1 + random.nextInt(maxChunk));
        peer.accept(peer.session.onBytes(Arrays.copyOfRange(bytes, pos, pos + n)));
        pos += n;
      }
    }

    private MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }

    byte[] receivedOn(int streamId) {
      ByteArrayOutputStream out = received.get(streamId);
      return out == null ? new byte[0] : out.toByteArray();
    }

    <T extends YamuxEvent> List<T> eventsOf(Class<T> type) {
      List<T> matching = new ArrayList<>();
      for (YamuxEvent event : events) {
        if (type.isInstance(event)) {
          matching.add(type.cast(event));
        }
      }
      return matching;
    }
  }
}
