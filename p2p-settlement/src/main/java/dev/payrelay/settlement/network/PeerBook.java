package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers a node keeps coming back to: its bootstrap peers, the peers it dialled, and the
 * PayRelay nodes that dialled it (their identify listen addresses), each with its dialable
 * addresses. Persisted, when a file is configured, as one {@code /…/p2p/<peer id>} multiaddr per
 * line, rewritten whole (through a temporary file and a rename) on every change, so a crash leaves
 * the old file or the new one. A line that does not parse is logged and skipped: a damaged file
 * must not keep a node from starting. Thread-safe.
 */
final class PeerBook {
  /** Peers remembered; beyond, new ones are not. */
  static final int MAX_PEERS = 1_000;

  /** Addresses remembered per peer; beyond, new ones are not. */
  static final int MAX_ADDRESSES_PER_PEER = 8;

  /** Longest line read from the file, in characters. */
  static final int MAX_LINE_CHARS = Multiaddr.MAX_TEXT_CHARS;

  private static final Logger LOG = LoggerFactory.getLogger(PeerBook.class);

  private final Optional<Path> file;
  private final Executor saver;
  private final AtomicBoolean saveQueued = new AtomicBoolean();
  private final Map<PeerId, Set<Multiaddr>> peers = new LinkedHashMap<>();

  /**
   * @param saver where the file is written after a change (not the caller's thread, which may be an
   *     event loop); saves queued together are written once
   */
  PeerBook(Optional<Path> file, Executor saver) {
    this.file = file;
    this.saver = saver;
  }

  /** Reads the file, if configured and present. */
  synchronized void load() {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("cannot read the peer file {}: {}; starting without it", file.get(), e.toString());
      return;
    }
    int number = 0;
    for (String line : lines) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Optional<Multiaddr> address = parse(text);
      if (address.isEmpty()) {
        LOG.warn(
            "peer file {} line {}: not a /…/p2p/<peer id> multiaddr, skipped", file.get(), number);
        continue;
      }
      add(address.get());
    }
  }

  /**
   * Remembers {@code address} (ending in {@code /p2p/<peer id>}) if it is dialable over TCP, and
   * has the file saved if that changed anything.
   */
  boolean remember(Multiaddr address) {
    boolean changed;
    synchronized (this) {
      changed = add(address);
    }
    if (changed && file.isPresent() && saveQueued.compareAndSet(false, true)) {
      try {
        saver.execute(
            () -> {
              saveQueued.set(false);
              save();
            });
      } catch (RejectedExecutionException closing) {
        saveQueued.set(false); // the node is closing; close() saves
      }
    }
    return changed;
  }

  synchronized Set<PeerId> peers() {
    return Set.copyOf(peers.keySet());
  }

  synchronized List<Multiaddr> addresses(PeerId peer) {
    return new ArrayList<>(peers.getOrDefault(peer, Set.of()));
  }

  /** Writes the file now (also done, on the saver, after every change). */
  synchronized void save() {
    if (file.isEmpty()) {
      return;
    }
    Path target = file.get().toAbsolutePath();
    StringBuilder text = new StringBuilder("# known PayRelay peers, one multiaddr per line\n");
    peers.values().forEach(set -> set.forEach(a -> text.append(a).append('\n')));
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".peers", ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot write the peer file {}: {}", target, e.toString());
    }
  }

  /** Whether {@code address} can be dialled: TCP, and not a wildcard such as 0.0.0.0. */
  static boolean dialable(Multiaddr address) {
    Optional<InetSocketAddress> socket = address.toTcpSocketAddress();
    return socket.isPresent()
        && socket.get().getAddress() != null
        && !socket.get().getAddress().isAnyLocalAddress()
        && socket.get().getPort() != 0;
  }

  private boolean add(Multiaddr address) {
    Optional<PeerId> peer = address.peerId();
    if (peer.isEmpty() || !dialable(address)) {
      return false;
    }
    Set<Multiaddr> known = peers.get(peer.get());
    if (known == null) {
      if (peers.size() >= MAX_PEERS) {
        return false;
      }
      known = new LinkedHashSet<>();
      peers.put(peer.get(), known);
    }
    return known.size() < MAX_ADDRESSES_PER_PEER && known.add(address);
  }

  private static Optional<Multiaddr> parse(String text) {
    if (text.length() > MAX_LINE_CHARS) {
      return Optional.empty();
    }
    try {
      Multiaddr address = Multiaddr.parse(text);
      return address.peerId().isPresent() ? Optional.of(address) : Optional.empty();
    } catch (IllegalArgumentException e) { // MultiaddrException included
      return Optional.empty();
    }
  }
}
