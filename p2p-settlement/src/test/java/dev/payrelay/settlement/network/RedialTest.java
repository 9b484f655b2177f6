package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Multiaddr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bootstrap peers are dialled again, with backoff, while they are away. */
class RedialTest {
  @RegisterExtension final NetNodes nodes = new NetNodes();

  @Test
  void redialsABootstrapPeerThatCameBackOnItsAddress() {
    NetNode a = nodes.start(NetNode.config());
    Multiaddr where = a.address().withoutPeerId();
    NetNode b = nodes.start(NetNode.config(a.address()));
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
}
