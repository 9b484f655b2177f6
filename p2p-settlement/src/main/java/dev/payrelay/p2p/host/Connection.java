package dev.payrelay.p2p.host;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One secured ({@code /noise}) and multiplexed ({@code /yamux/1.0.0}) connection to an
 * authenticated peer. Streams are opened on it with {@link #newStream(List)}; inbound streams go to
 * the host's stream handlers.
 */
public interface Connection {

  /** Whether we dialled it or accepted it. */
  enum Direction {
    INBOUND,
    OUTBOUND
  }

  /** The peer, as authenticated by the Noise handshake. */
  PeerId remotePeer();

  /** The key that signed the peer's Noise static key. */
  PublicKey remotePublicKey();

  /** The remote TCP address (without {@code /p2p/}). */
  Multiaddr remoteAddress();

  /** Our end's TCP address. */
  Multiaddr localAddress();

  Direction direction();

  /**
   * Opens a stream and negotiates the first of {@code protocolIds} the peer accepts (in order of
   * preference, multistream-select). Fails with {@link ProtocolNotSupportedException} if the peer
   * accepts none, or with {@link StreamResetException} if the stream is reset or the connection
   * closes first.
   */
  CompletableFuture<Stream> newStream(List<String> protocolIds);

  /**
   * The connection's event loop: tasks given to it run one at a time, in order with every callback
   * of this connection and its streams, so state shared with those callbacks needs no lock.
   */
  Executor executor();

  /** Open streams, both directions, including those still negotiating. */
  int streamCount();

  boolean isOpen();

  /** Closes the connection (yamux go away, then TCP close); completes when closed. */
  CompletableFuture<Void> close();

  /** Completes when the connection has closed, for whatever reason. */
  CompletableFuture<Void> closeFuture();
}
