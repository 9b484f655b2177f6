package dev.payrelay.p2p.mux.yamux;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One yamux session as a pure state machine: {@link #onBytes(byte[])} takes received bytes, the
 * commands ({@link #open()}, {@link #write(int, byte[])}, {@link #close(int)}, {@link #reset(int)},
 * {@link #consumed(int, int)}, {@link #ping()}, {@link #goAway(int)}) take application intents, and
 * each returns whole frames to write plus events. No I/O, no threads; not thread-safe (drive it
 * from one event loop).
 *
 * <ul>
 *   <li>Streams: ours have our role's parity; we open with SYN on a window update; an incoming SYN
 *       is acknowledged at once with ACK on a window update, or refused with RST beyond {@code
 *       maxStreams} or after our go away. FIN half-closes each direction; RST drops the stream.
 *   <li>Flow control: 256 KiB initial windows, additive updates, data payload only. We never send
 *       past the peer's window: the rest is queued ({@link YamuxEvent.SendBlocked}) until a window
 *       update ({@link YamuxEvent.Writable}). Our receive window is replenished as the application
 *       reports consumption, once half of it is used, and doubled (up to {@code
 *       maxReceiveWindowBytes}) when the reader gets through a window within four ping RTTs.
 *   <li>Ping: a SYN ping is answered with exactly ACK and the same opaque value; our pings are
 *       timed with the injected clock.
 *   <li>Protocol errors (bad version or type, oversized frame, stream-id parity violation or reuse,
 *       frames for never-opened streams, window overrun, data after FIN) end the session with a go
 *       away carrying code 1. Frames for streams that were closed or reset are ignored.
 * </ul>
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md">libp2p yamux</a>
 * @see <a href="https://github.com/hashicorp/yamux/blob/master/spec.md">hashicorp yamux spec</a>
 */
public final class YamuxSession {

  /** Pings awaiting an answer that we remember; older ones are forgotten. */
  static final int MAX_PINGS_IN_FLIGHT = 16;

  private final YamuxConfig config;
  private final LongSupplier nanoClock;
  private final YamuxFrameCodec codec;
  private final Map<Integer, YamuxStream> streams = new HashMap<>();
  private final LinkedHashMap<Long, Long> pingsInFlight = new LinkedHashMap<>();
  private final List<YamuxFrame> frames = new ArrayList<>();
  private final List<YamuxEvent> events = new ArrayList<>();
  private long nextLocalId;
  private long highestRemoteId;
  private long nextPingOpaque = 1;
  private long rttNanos = -1;
  private boolean localGoAway;
  private boolean remoteGoAway;
  private boolean failed;

  /**
   * @param config role and limits
   * @param nanoClock monotonic time in nanoseconds (e.g. {@code System::nanoTime}), for ping RTT
   */
  public YamuxSession(YamuxConfig config, LongSupplier nanoClock) {
    this.config = Objects.requireNonNull(config, "config");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.codec = new YamuxFrameCodec(config.maxInboundFramePayloadBytes());
    this.nextLocalId = config.role().firstStreamId();
  }

  /** Feeds bytes received from the peer, in any chunking. After a protocol error, drops them. */
  public YamuxSessionOutput onBytes(byte[] chunk) {
    if (failed) {
      return drain();
    }
    try {
      for (YamuxFrame frame : codec.decode(chunk)) {
        handle(frame);
      }
    } catch (YamuxProtocolException e) {
      failed = true;
      streams.clear();
      frames.add(YamuxFrame.goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR));
      events.add(new YamuxEvent.ProtocolError(e.getMessage()));
    }
    return drain();
  }

  /**
   * Opens an outbound stream; its SYN goes out on a window update at once.
   *
   * @throws IllegalStateException after a go away either way, or at the stream limit
   */
  public YamuxOpen open() {
    requireUsable();
    if (localGoAway || remoteGoAway) {
      throw new IllegalStateException("session is going away");
    }
    if (streams.size() >= config.maxStreams()) {
      throw new IllegalStateException("stream limit of " + config.maxStreams() + " reached");
    }
    if (nextLocalId > YamuxFrame.MAX_U32) {
      throw new IllegalStateException("stream ids exhausted");
    }
    int id = (int) nextLocalId;
    nextLocalId += 2;
    streams.put(id, new YamuxStream(id, nanoClock.getAsLong()));
    frames.add(YamuxFrame.windowUpdate(id, YamuxFrame.FLAG_SYN, 0));
    return new YamuxOpen(id, drain());
  }

  /** Sends {@code bytes} on the stream as far as the peer's window allows; queues the rest. */
  public YamuxSessionOutput write(int streamId, byte[] bytes) {
    YamuxStream stream = requireStream(streamId);
    if (stream.finRequested) {
      throw new IllegalStateException("stream " + streamId + " is closed for writing");
    }
    stream.enqueue(bytes.clone());
    flush(stream);
    if (stream.queuedBytes() > 0 && !stream.blockedReported) {
      stream.blockedReported = true;
      events.add(new YamuxEvent.SendBlocked(streamId, stream.queuedBytes()));
    }
    return drain();
  }

  /** Half-closes our side (FIN), after any queued bytes. */
  public YamuxSessionOutput close(int streamId) {
    YamuxStream stream = requireStream(streamId);
    if (!stream.finRequested) {
      stream.finRequested = true;
      flush(stream);
    }
    return drain();
  }

  /** Resets the stream (RST) and forgets it; queued bytes are dropped. Unknown ids are ignored. */
  public YamuxSessionOutput reset(int streamId) {
    requireUsable();
    YamuxStream stream = streams.remove(streamId);
    if (stream != null) {
      stream.dropQueue();
      frames.add(YamuxFrame.windowUpdate(streamId, YamuxFrame.FLAG_RST, 0));
    }
    return drain();
  }

  /**
   * Reports that the application processed {@code bytes} of the stream's received data; may send a
   * window update. Ids of streams that are gone are ignored.
   */
  public YamuxSessionOutput consumed(int streamId, int bytes) {
    requireUsable();
    YamuxStream stream = streams.get(streamId);
    if (stream == null) {
      return drain();
    }
    stream.receive.consumed(bytes);
    if (!stream.remoteFin && stream.receive.updateDue()) {
      long delta =
          stream.receive.takeUpdate(
              nanoClock.getAsLong(), rttNanos, config.maxReceiveWindowBytes());
      frames.add(YamuxFrame.windowUpdate(stream.id, 0, delta));
    }
    return drain();
  }

  /** Sends a ping (SYN) whose answer is reported as {@link YamuxEvent.PingAcked}. */
  public YamuxSessionOutput ping() {
    requireUsable();
    long opaque = nextPingOpaque;
    nextPingOpaque = (nextPingOpaque + 1) & YamuxFrame.MAX_U32;
    if (pingsInFlight.size() >= MAX_PINGS_IN_FLIGHT) {
      pingsInFlight.remove(pingsInFlight.keySet().iterator().next());
    }
    pingsInFlight.put(opaque, nanoClock.getAsLong());
    frames.add(YamuxFrame.ping(YamuxFrame.FLAG_SYN, opaque));
    return drain();
  }

  /** Tells the peer we go away with {@code code}; incoming SYNs are refused from now on. */
  public YamuxSessionOutput goAway(int code) {
    requireUsable();
    if (!localGoAway) {
      localGoAway = true;
      frames.add(YamuxFrame.goAway(code));
    }
    return drain();
  }

  /** Whether a protocol error ended the session. */
  public boolean isFailed() {
    return failed;
  }

  /** Number of open streams, both directions. */
  public int streamCount() {
    return streams.size();
  }

  /** Bytes we may still send on the stream before a window update, or -1 if it is gone. */
  public long sendWindow(int streamId) {
    YamuxStream stream = streams.get(streamId);
    return stream == null ? -1 : stream.sendWindow;
  }

  /** Bytes waiting for the peer's window, or 0 if the stream is gone. */
  public long queuedBytes(int streamId) {
    YamuxStream stream = streams.get(streamId);
    return stream == null ? 0 : stream.queuedBytes();
  }

  /** Our current receive window target of the stream, or -1 if it is gone. */
  long receiveTarget(int streamId) {
    YamuxStream stream = streams.get(streamId);
    return stream == null ? -1 : stream.receive.target();
  }

  private void handle(YamuxFrame frame) throws YamuxProtocolException {
    switch (frame.type()) {
      case PING:
        handlePing(frame);
        break;
      case GO_AWAY:
        remoteGoAway = true;
        events.add(new YamuxEvent.GoAwayReceived(frame.length()));
        break;
      case DATA:
      case WINDOW_UPDATE:
        handleStreamFrame(frame);
        break;
      default:
        throw new YamuxProtocolException("unhandled frame type " + frame.type());
    }
  }

  private void handlePing(YamuxFrame frame) {
    if (frame.has(YamuxFrame.FLAG_SYN)) {
      frames.add(YamuxFrame.ping(YamuxFrame.FLAG_ACK, frame.length()));
    } else if (frame.has(YamuxFrame.FLAG_ACK)) {
      Long sentAt = pingsInFlight.remove(frame.length());
      if (sentAt != null) {
        rttNanos = Math.max(1, nanoClock.getAsLong() - sentAt);
        events.add(new YamuxEvent.PingAcked(frame.length(), rttNanos));
      }
    }
  }

  private void handleStreamFrame(YamuxFrame frame) throws YamuxProtocolException {
    int id = frame.streamId();
    if (id == 0) {
      throw new YamuxProtocolException(frame.type() + " frame on stream 0");
    }
    YamuxStream stream;
    if (frame.has(YamuxFrame.FLAG_SYN)) {
      stream = acceptSyn(id);
      if (stream == null) {
        return;
      }
    } else {
      stream = streams.get(id);
      if (stream == null) {
        if (wasOpened(id)) {
          return; // closed or reset: late frames are expected and ignored
        }
        throw new YamuxProtocolException("frame for unknown stream " + Integer.toUnsignedLong(id));
      }
    }
    if (frame.type() == YamuxFrameType.WINDOW_UPDATE) {
      stream.sendWindow += frame.length();
      if (stream.sendWindow > YamuxFrame.MAX_U32) {
        throw new YamuxProtocolException("send window of stream " + id + " overflows");
      }
      flush(stream);
    } else if (frame.payload().length > 0) {
      receiveData(stream, frame.payload());
    }
    if (frame.has(YamuxFrame.FLAG_RST)) {
      streams.remove(id);
      stream.dropQueue();
      events.add(new YamuxEvent.StreamReset(id));
      return;
    }
    if (frame.has(YamuxFrame.FLAG_FIN) && !stream.remoteFin) {
      stream.remoteFin = true;
      events.add(new YamuxEvent.RemoteClosed(id));
      removeIfClosed(stream);
    }
  }

  /** Validates and accepts an incoming SYN; returns null if refused with RST. */
  private YamuxStream acceptSyn(int id) throws YamuxProtocolException {
    long unsignedId = Integer.toUnsignedLong(id);
    if (config.role().owns(id)) {
      throw new YamuxProtocolException("peer opened stream " + unsignedId + " with our parity");
    }
    if (unsignedId <= highestRemoteId) {
      throw new YamuxProtocolException("peer reused stream id " + unsignedId);
    }
    highestRemoteId = unsignedId;
    if (localGoAway || streams.size() >= config.maxStreams()) {
      frames.add(YamuxFrame.windowUpdate(id, YamuxFrame.FLAG_RST, 0));
      return null;
    }
    YamuxStream stream = new YamuxStream(id, nanoClock.getAsLong());
    streams.put(id, stream);
    frames.add(YamuxFrame.windowUpdate(id, YamuxFrame.FLAG_ACK, 0));
    events.add(new YamuxEvent.InboundStream(id));
    return stream;
  }

  private boolean wasOpened(int id) {
    long unsignedId = Integer.toUnsignedLong(id);
    return config.role().owns(id) ? unsignedId < nextLocalId : unsignedId <= highestRemoteId;
  }

  private void receiveData(YamuxStream stream, byte[] payload) throws YamuxProtocolException {
    if (stream.remoteFin) {
      throw new YamuxProtocolException("data after FIN on stream " + stream.id);
    }
    stream.receive.onData(stream.id, payload.length);
    events.add(new YamuxEvent.Data(stream.id, payload));
  }

  /**
   * Sends queued bytes within the peer's window, then a pending FIN once the queue is empty. The
   * FIN always travels on its own empty data frame: js-libp2p's yamux (8.x) handles the flags of a
   * data frame before its payload and drops the payload of a frame that carries FIN.
   */
  private void flush(YamuxStream stream) {
    while (stream.queuedBytes() > 0 && stream.sendWindow > 0) {
      int n =
          (int)
              Math.min(
                  Math.min(stream.queuedBytes(), stream.sendWindow),
                  config.maxOutboundFramePayloadBytes());
      byte[] payload = stream.take(n);
      stream.sendWindow -= n;
      frames.add(YamuxFrame.data(stream.id, 0, payload));
    }
    if (stream.queuedBytes() > 0) {
      return;
    }
    if (stream.blockedReported) {
      stream.blockedReported = false;
      events.add(new YamuxEvent.Writable(stream.id));
    }
    if (stream.finRequested && !stream.finSent) {
      stream.finSent = true;
      frames.add(YamuxFrame.data(stream.id, YamuxFrame.FLAG_FIN, new byte[0]));
    }
    removeIfClosed(stream);
  }

  private void removeIfClosed(YamuxStream stream) {
    if (stream.fullyClosed() && streams.remove(stream.id) != null) {
      events.add(new YamuxEvent.StreamClosed(stream.id));
    }
  }

  private YamuxStream requireStream(int streamId) {
    requireUsable();
    YamuxStream stream = streams.get(streamId);
    if (stream == null) {
      throw new IllegalStateException("no open stream " + Integer.toUnsignedLong(streamId));
    }
    return stream;
  }

  private void requireUsable() {
    if (failed) {
      throw new IllegalStateException("session failed");
    }
  }

  private YamuxSessionOutput drain() {
    YamuxSessionOutput output = new YamuxSessionOutput(frames, events);
    frames.clear();
    events.clear();
    return output;
  }
}
