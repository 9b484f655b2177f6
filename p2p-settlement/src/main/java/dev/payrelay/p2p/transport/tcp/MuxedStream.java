package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ProtocolNotSupportedException;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamHandler;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.p2p.host.StreamResetException;
import dev.payrelay.p2p.multistream.MultistreamFailure;
import dev.payrelay.p2p.multistream.MultistreamOutcome;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One yamux stream of a {@link YamuxConnection}: first multistream-select of its protocol, then the
 * {@link Stream} the application uses. State is touched on the connection's event loop only, except
 * the few volatile fields {@link #isWritable()} reads.
 *
 * <p>Received data waits in {@link #held} until a listener takes it (none set yet, or auto-read
 * off); the yamux window credit is returned only as it is delivered, so the holding is bounded by
 * the receive window.
 */
final class MuxedStream implements Stream {

  private static final Logger log = LoggerFactory.getLogger(MuxedStream.class);

  /** Markers queued in {@link #held} after data, so events keep their order. */
  private enum Marker {
    REMOTE_CLOSED,
    RESET,
    CLOSED
  }

  private final YamuxConnection connection;
  private final int id;
  private final Negotiation negotiation;
  private final CompletableFuture<Stream> opened; // null for inbound streams
  private final List<String> proposals; // empty for inbound streams
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private final AtomicLong submitted = new AtomicLong();
  private String protocol;
  private StreamListener listener;
  private boolean autoRead = true;
  private boolean delivering;
  private boolean finSent; // closeWrite reached the session (loop only)
  private volatile long queued;
  private volatile boolean writeClosed;
  private volatile boolean gone;
  private volatile boolean wantsWritable;

  MuxedStream(
      YamuxConnection connection,
      int id,
      Negotiation negotiation,
      CompletableFuture<Stream> opened,
      List<String> proposals) {
    this.connection = connection;
    this.id = id;
    this.negotiation = negotiation;
    this.opened = opened;
    this.proposals = proposals;
  }

  static MuxedStream outbound(
      YamuxConnection connection,
      int id,
      List<String> proposals,
      CompletableFuture<Stream> opened) {
    return new MuxedStream(
        connection, id, Negotiation.initiator(proposals), opened, List.copyOf(proposals));
  }

  static MuxedStream inbound(YamuxConnection connection, int id) {
    return new MuxedStream(
        connection,
        id,
        Negotiation.responder(protocolId -> connection.streamHandler(protocolId) != null),
        null,
        List.of());
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public boolean isInitiator() {
    return opened != null;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public void setListener(StreamListener listener) {
    connection.onLoop(
        () -> {
          this.listener = listener;
          deliver();
        });
  }

  @Override
  public void setAutoRead(boolean autoRead) {
    connection.onLoop(
        () -> {
          this.autoRead = autoRead;
          deliver();
        });
  }

  @Override
  public void write(byte[] bytes) {
    if (writeClosed || gone) {
      throw new IllegalStateException("stream " + id + " is closed for writing");
    }
    long unsent = submitted.addAndGet(bytes.length) + queued;
    if (unsent > MAX_UNSENT_BYTES) {
      submitted.addAndGet(-bytes.length);
      throw new IllegalStateException(
          "stream " + id + " would hold " + unsent + " unsent bytes; wait for onWritable");
    }
    boolean inline = connection.loop().inEventLoop();
    connection.onLoop(
        () -> {
          submitted.addAndGet(-bytes.length);
          // A write racing a closeWrite or a reset from another thread is dropped.
          if (!gone && !finSent && !connection.isClosingOrClosed()) {
            connection.write(id, bytes);
            queued = connection.queuedBytes(id);
          }
          if (!inline) {
            checkWritable(); // a writer on another thread may wait for the submitted bytes
          }
        });
  }

  @Override
  public boolean isWritable() {
    if (computeWritable()) {
      return true;
    }
    // Flag, then look again: the loop lowers the counters, then reads the flag (checkWritable),
    // so either we see the lower counters or the loop sees the flag. No wake-up is lost.
    wantsWritable = true;
    return computeWritable();
  }

  private boolean computeWritable() {
    return !writeClosed
        && !gone
        && submitted.get() + queued < WRITABLE_BELOW_BYTES
        && connection.channelWritable();
  }

  @Override
  public void closeWrite() {
    writeClosed = true; // later writes fail at once; those already submitted go before the FIN
    connection.onLoop(
        () -> {
          if (!finSent && !gone) {
            finSent = true;
            connection.closeWrite(id);
          }
        });
  }

  @Override
  public void reset() {
    connection.onLoop(
        () -> {
          if (!gone) {
            connection.reset(id);
            onReset();
          }
        });
  }

  @Override
  public boolean isOpen() {
    return !gone;
  }

  @Override
  public String toString() {
    return "Stream[" + id + " " + protocol + " " + connection.remotePeer() + "]";
  }

  // ---- from the connection, on the loop ----

  void startNegotiation() {
    byte[] first = negotiation.start().bytesToSend();
    connection.write(id, first);
  }

  void onData(byte[] bytes) {
    if (protocol != null) {
      held.add(bytes);
      deliver();
      return;
    }
    MultistreamOutcome outcome = negotiation.onBytes(bytes);
    int leftover = outcome.leftover().length;
    connection.consumed(id, bytes.length - leftover);
    if (outcome.bytesToSend().length > 0 && !gone) {
      connection.write(id, outcome.bytesToSend());
    }
    if (outcome.isFailed()) {
      negotiationFailed(outcome.failure().get());
    } else if (outcome.isNegotiated()) {
      protocol = outcome.protocol().get();
      if (leftover > 0) {
        held.add(outcome.leftover());
      }
      negotiated();
    }
  }

  void onRemoteClosed() {
    if (protocol == null) {
      failOpen(new StreamResetException("the peer closed stream " + id + " while negotiating"));
      connection.reset(id);
      onReset();
      return;
    }
    held.add(Marker.REMOTE_CLOSED);
    deliver();
  }

  void onReset() {
    if (gone) {
      return;
    }
    gone = true;
    failOpen(new StreamResetException("stream " + id + " was reset"));
    held.add(Marker.RESET);
    held.add(Marker.CLOSED);
    deliver();
  }

  void onClosed() {
    if (gone) {
      return;
    }
    gone = true;
    held.add(Marker.CLOSED);
    deliver();
  }

  void checkWritable() {
    if (!gone) {
      queued = connection.queuedBytes(id);
    }
    if (wantsWritable && listener != null && computeWritable()) {
      wantsWritable = false;
      try {
        listener.onWritable();
      } catch (RuntimeException e) {
        listenerFailed(e);
      }
    }
  }

  // ---- internals ----

  private void negotiated() {
    if (opened != null) {
      opened.complete(this);
    } else {
      StreamHandler handler = connection.streamHandler(protocol);
      try {
        if (handler == null) {
          throw new IllegalStateException("no handler for " + protocol + " any more");
        }
        handler.onStream(this);
      } catch (RuntimeException e) {
        listenerFailed(e);
        return;
      }
    }
    deliver();
  }

  private void negotiationFailed(MultistreamFailure failure) {
    failOpen(
        failure.kind() == MultistreamFailure.Kind.NO_PROTOCOL_ACCEPTED
            ? new ProtocolNotSupportedException(proposals)
            : new StreamResetException("negotiation failed: " + failure));
    log.debug("stream {} negotiation failed: {}", id, failure);
    if (!gone) {
      connection.reset(id);
      onReset();
    }
  }

  private void failOpen(RuntimeException cause) {
    if (opened != null) {
      opened.completeExceptionally(cause);
    }
  }

  /** Hands held data and events to the listener, returning window credit for the data. */
  private void deliver() {
    if (delivering || protocol == null) {
      return;
    }
    delivering = true;
    try {
      while (listener != null && autoRead && !held.isEmpty()) {
        Object next = held.poll();
        if (next instanceof byte[] bytes) {
          if (!gone) {
            connection.consumed(id, bytes.length);
          }
          listener.onData(bytes);
        } else if (next == Marker.REMOTE_CLOSED) {
          listener.onRemoteClosed();
        } else if (next == Marker.RESET) {
          listener.onReset();
        } else {
          listener.onClosed();
        }
      }
    } catch (RuntimeException e) {
      listenerFailed(e);
    } finally {
      delivering = false;
    }
  }

  private void listenerFailed(RuntimeException e) {
    log.warn("the handler of {} threw; resetting the stream", this, e);
    if (!gone) {
      connection.reset(id);
      onReset();
    }
  }
}
