package dev.payrelay.p2p.protocol.identify;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.LengthPrefixedReader;
import dev.payrelay.p2p.host.PeerStore;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves identify and identify push, runs identify on a connection, and pushes changes. What a peer
 * tells us goes to the host's {@link PeerStore} (its key only if it matches the authenticated peer
 * id).
 *
 * <ul>
 *   <li>{@code /ipfs/id/1.0.0}: the responder writes one length-prefixed {@link IdentifyMessage}
 *       and closes its write side; the initiator reads it to the end of the stream.
 *   <li>{@code /ipfs/id/push/1.0.0}: the other way round; the receiver applies only the fields the
 *       message has.
 * </ul>
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/identify/README.md">libp2p identify</a>
 */
public final class IdentifyService {

  public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";
  public static final String PUSH_PROTOCOL_ID = "/ipfs/id/push/1.0.0";

  private static final Logger log = LoggerFactory.getLogger(IdentifyService.class);

  private final Host host;
  private final PublicKey localKey;
  private final Supplier<String> agentVersion;

  public IdentifyService(Host host, PublicKey localKey, Supplier<String> agentVersion) {
    this.host = host;
    this.localKey = localKey;
    this.agentVersion = agentVersion;
  }

  /** Registers the identify and push handlers on the host. */
  public void register() {
    host.setStreamHandler(PROTOCOL_ID, stream -> answer(stream));
    host.setStreamHandler(PUSH_PROTOCOL_ID, stream -> receive(stream, true));
  }

  /** Asks the peer of {@code connection} who it is; completes with its answer once stored. */
  public CompletableFuture<IdentifyMessage> identify(Connection connection) {
    return connection.newStream(List.of(PROTOCOL_ID)).thenCompose(stream -> receive(stream, false));
  }

  /** Tells the peer of {@code connection} our current protocols and addresses. */
  public CompletableFuture<Void> push(Connection connection) {
    return connection
        .newStream(List.of(PUSH_PROTOCOL_ID))
        .thenAccept(
            stream -> {
              stream.write(LengthPrefixedReader.frame(localMessage(connection).encode()));
              stream.closeWrite();
            });
  }

  /** What we say about ourselves on {@code connection}. */
  IdentifyMessage localMessage(Connection connection) {
    return new IdentifyMessage(
        Optional.of(localKey.marshal()),
        host.listenAddresses(),
        List.copyOf(host.protocols()),
        Optional.of(connection.remoteAddress()),
        Optional.of(IdentifyMessage.PROTOCOL_VERSION),
        Optional.of(agentVersion.get()));
  }

  private void answer(Stream stream) {
    stream.setListener(bytes -> {}); // the initiator sends nothing; drain whatever comes
    stream.write(LengthPrefixedReader.frame(localMessage(stream.connection()).encode()));
    stream.closeWrite();
  }

  private CompletableFuture<IdentifyMessage> receive(Stream stream, boolean push) {
    CompletableFuture<IdentifyMessage> result = new CompletableFuture<>();
    LengthPrefixedReader reader = new LengthPrefixedReader(IdentifyMessage.MAX_MESSAGE_BYTES);
    stream.setListener(
        new StreamListener() {
          private IdentifyMessage message;

          @Override
          public void onData(byte[] bytes) {
            try {
              for (byte[] body : reader.feed(bytes)) {
                message = message == null ? IdentifyMessage.decode(body) : message;
              }
            } catch (IOException | RuntimeException e) {
              result.completeExceptionally(e);
              stream.reset();
            }
          }

          @Override
          public void onRemoteClosed() {
            if (message == null) {
              result.completeExceptionally(new IOException("identify stream ended without answer"));
              stream.reset();
              return;
            }
            apply(stream.connection(), message, push);
            stream.closeWrite();
            result.complete(message);
          }

          @Override
          public void onReset() {
            result.completeExceptionally(new IOException("identify stream reset"));
          }
        });
    return result;
  }

  private void apply(Connection connection, IdentifyMessage message, boolean push) {
    PeerId peer = connection.remotePeer();
    PeerStore store = host.peerStore();
    message
        .publicKey()
        .ifPresent(
            encoded -> {
              try {
                store.setPublicKey(peer, PublicKey.unmarshal(encoded));
              } catch (IllegalArgumentException e) {
                log.debug("{} sent an identify key that is not its own: {}", peer, e.toString());
              }
            });
    if (!message.listenAddresses().isEmpty()) {
      store.addAddresses(peer, message.listenAddresses());
    }
    if (!push || !message.protocols().isEmpty()) {
      store.setProtocols(peer, Set.copyOf(message.protocols()));
    }
    message.agentVersion().ifPresent(agent -> store.setAgentVersion(peer, agent));
  }
}
