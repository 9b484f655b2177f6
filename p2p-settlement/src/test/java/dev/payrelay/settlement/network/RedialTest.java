package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bootstrap peers are dialled again, with backoff, while they are away. */
class RedialTest {
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable each : closing) {
      each.close();
    }
  }

  @Test
  void redialsABootstrapPeerThatCameBackOnItsAddress() {
    NetNode a = node(NetNode.config());
    Multiaddr where = a.address().withoutPeerId();
    NetNode b = node(NetNode.config(a.address()));
    eventually("B dialled A", () -> b.connectedTo(a.id()));

    a.close();
    eventually("B lost A", () -> !b.connectedTo(a.id()));
    a.config = a.config.withListenAddresses(List.of(where)); // no bootstrap, no peer file: A
    a.start(); // cannot find B by itself

    eventually("B redialled A", () -> b.connectedTo(a.id()));
    PeerStatus seenFromB =
        b.node.status().peers().stream().filter(p -> p.peerId().equals(a.id())).findFirst().get();
    assertThat(seenFromB.direction()).isEqualTo("outbound");
    assertThat(seenFromB.score()).isZero();
    assertThat(seenFromB.graylisted()).isFalse();
    assertThat(seenFromB.addresses()).contains(a.address());
  }

  private NetNode node(NetworkConfig config) {
    NetNode node = new NetNode(config);
    closing.add(0, node);
    return node;
  }
}
