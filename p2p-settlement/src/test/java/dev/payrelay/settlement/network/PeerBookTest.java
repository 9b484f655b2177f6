package dev.payrelay.settlement.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerBookTest {
  @TempDir Path folder;
  final PeerId peer = NodeIdentity.ephemeral().peerId();
  final Multiaddr address = Multiaddr.parse("/ip4/10.0.0.5/tcp/4001").withPeerId(peer);

  @Test
  void keepsPeersAcrossRestartsOneMultiaddrPerLine() throws Exception {
    Path file = folder.resolve("data/peers.txt");
    PeerBook first = new PeerBook(Optional.of(file), Runnable::run);
    assertThat(first.remember(address)).isTrue();
    assertThat(first.remember(address)).as("known already").isFalse();

    PeerBook second = new PeerBook(Optional.of(file), Runnable::run);
    second.load();

    assertThat(second.peers()).containsExactly(peer);
    assertThat(second.addresses(peer)).containsExactly(address);
    assertThat(Files.readAllLines(file)).contains(address.toString());
  }

  @Test
  void skipsLinesThatAreNotDialablePeerAddressesAndStillStarts() throws Exception {
    Path file = folder.resolve("peers.txt");
    Files.writeString(
        file,
        String.join(
            "\n",
            "# a comment",
            "not a multiaddr",
            "/ip4/10.0.0.6/tcp/4001",
            "/ip4/0.0.0.0/tcp/4001/p2p/" + peer,
            "/ip4/10.0.0.7/tcp/0/p2p/" + peer,
            "x".repeat(PeerBook.MAX_LINE_CHARS + 1),
            address.toString(),
            ""));
    PeerBook book = new PeerBook(Optional.of(file), Runnable::run);

    book.load();

    assertThat(book.peers()).containsExactly(peer);
    assertThat(book.addresses(peer)).containsExactly(address);
  }

  @Test
  void boundsTheAddressesKeptPerPeer() {
    PeerBook book = new PeerBook(Optional.empty(), Runnable::run);
    for (int port = 1; port <= PeerBook.MAX_ADDRESSES_PER_PEER + 5; port++) {
      book.remember(Multiaddr.parse("/ip4/10.0.0.5/tcp/" + port).withPeerId(peer));
    }
    assertThat(book.addresses(peer)).hasSize(PeerBook.MAX_ADDRESSES_PER_PEER);
  }
}
