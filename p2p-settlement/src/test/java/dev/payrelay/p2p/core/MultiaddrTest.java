package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {
  private static final PeerId SPEC_PEER =
      PeerId.parse("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");

  @Test
  void convertsEveryGoldenVectorBetweenTextAndBinaryExactly() {
    List<String[]> rows = Golden.rows("multiaddr-golden.tsv");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(14);
    for (String[] row : rows) {
      String text = row[0];
      byte[] bytes = Golden.hex(row[1]);
      assertThat(Golden.hex(Multiaddr.parse(text).toBytes())).as(text).isEqualTo(row[1]);
      assertThat(Multiaddr.fromBytes(bytes).toString()).as(row[1]).isEqualTo(text);
      assertThat(Multiaddr.fromBytes(bytes)).isEqualTo(Multiaddr.parse(text));
    }
  }

  @Test
  void acceptsKnownAliasesAndPrintsThemCanonically() {
    for (String[] row : Golden.rows("multiaddr-aliases.tsv")) {
      assertThat(Multiaddr.parse(row[0]).toString()).as(row[0]).isEqualTo(row[1]);
      assertThat(Multiaddr.parse(row[0])).isEqualTo(Multiaddr.parse(row[1]));
    }
  }

  @Test
  void rejectsEveryInvalidTextWithAMultiaddrException() {
    List<String> lines = Golden.lines("multiaddr-invalid.txt");
    assertThat(lines).hasSizeGreaterThan(40);
    for (String line : lines) {
      String text = line.equals("<empty>") ? "" : line;
      assertThatThrownBy(() -> Multiaddr.parse(text))
          .as("'%s'", text)
          .isInstanceOf(MultiaddrException.class)
          .hasMessageNotContaining("null");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "04", // ip4 without its address
        "047f0000", // ip4 cut short
        "047f000001", // fine so far ...
        "047f00000106", // ... tcp without a port
        "047f0000010610", // port cut short
        "047f0000010610e1ff", // trailing byte: an unknown protocol code
        "047f0000010610e1a5", // trailing byte: p2p code cut short
        "047f0000010610e1a503", // p2p without a length
        "a50322", // p2p length but no peer id
        "a50300", // empty p2p value
        "a503051220d52e", // a peer id that is not a valid multihash
        "3600", // empty dns4 name
        "36052f2f2f2f2f", // dns4 name with '/'
        "3602c328", // dns4 name that is not UTF-8
        "3680", // dns4 length cut short
        "368000", // dns4 length with a non-minimal varint
        "368002", // dns4 name longer than 255 bytes
        "8000", // protocol code not minimally encoded
        "ffffffffffffffffff01", // protocol code varint too long
        "11", // udp, which we do not support
        "2a", // ip6zone, which we do not support
      })
  void rejectsMalformedBinaryWithAMultiaddrException(String hex) {
    if (hex.equals("047f000001")) {
      assertThat(Multiaddr.fromBytes(Golden.hex(hex)).toString()).isEqualTo("/ip4/127.0.0.1");
      return;
    }
    assertThatThrownBy(() -> Multiaddr.fromBytes(Golden.hex(hex)))
        .as(hex)
        .isInstanceOf(MultiaddrException.class);
  }

  @Test
  void rejectsBinaryOverTheSizeLimit() {
    byte[] big = new byte[Multiaddr.MAX_BYTES + 1];
    assertThatThrownBy(() -> Multiaddr.fromBytes(big))
        .isInstanceOf(MultiaddrException.class)
        .hasMessageContaining("over the limit");
    StringBuilder text = new StringBuilder();
    while (text.length() <= Multiaddr.MAX_TEXT_CHARS) {
      text.append("/tcp/1");
    }
    assertThatThrownBy(() -> Multiaddr.parse(text.toString()))
        .isInstanceOf(MultiaddrException.class);
    StringBuilder many = new StringBuilder();
    while (many.length() < 1800) {
      many.append("/ip6/::1");
    }
    assertThatThrownBy(() -> Multiaddr.parse(many.toString()))
        .isInstanceOf(MultiaddrException.class)
        .hasMessageContaining("over the limit of " + Multiaddr.MAX_BYTES);
  }

  @Test
  void findsTheHostPortAndPeerId() {
    Multiaddr address = Multiaddr.parse("/ip4/10.0.0.5/tcp/4001/p2p/" + SPEC_PEER.toBase58());
    assertThat(address.host()).contains("10.0.0.5");
    assertThat(address.tcpPort()).isEqualTo(OptionalInt.of(4001));
    assertThat(address.peerId()).contains(SPEC_PEER);
    assertThat(address.withoutPeerId().toString()).isEqualTo("/ip4/10.0.0.5/tcp/4001");
    assertThat(address.components()).hasSize(3);
    assertThat(address.components().get(2).protocol()).isEqualTo(MultiaddrProtocol.P2P);
  }

  @Test
  void addsAPeerIdOnceAndRefusesToReplaceADifferentOne() {
    Multiaddr bare = Multiaddr.parse("/dns4/example.com/tcp/443");
    Multiaddr withPeer = bare.withPeerId(SPEC_PEER);
    assertThat(withPeer.toString()).isEqualTo("/dns4/example.com/tcp/443/p2p/" + SPEC_PEER);
    assertThat(withPeer.withPeerId(SPEC_PEER)).isSameAs(withPeer);
    PeerId other = Ed25519KeyPair.generate().peerId();
    assertThatThrownBy(() -> withPeer.withPeerId(other))
        .isInstanceOf(MultiaddrException.class)
        .hasMessageContaining("already names peer");
    assertThat(bare.peerId()).isEmpty();
  }

  @Test
  void convertsToAndFromSocketAddressesWithoutDnsLookups() throws Exception {
    Multiaddr ip4 = Multiaddr.parse("/ip4/127.0.0.1/tcp/4001");
    InetSocketAddress socket = ip4.toTcpSocketAddress().orElseThrow();
    assertThat(socket.isUnresolved()).isFalse();
    assertThat(socket.getPort()).isEqualTo(4001);
    assertThat(Multiaddr.ofTcp(socket)).isEqualTo(ip4);

    InetSocketAddress ip6 =
        new InetSocketAddress(
            InetAddress.getByAddress(Golden.hex("20010db8" + "0".repeat(23) + "1")), 80);
    assertThat(Multiaddr.ofTcp(ip6).toString()).isEqualTo("/ip6/2001:db8::1/tcp/80");

    InetSocketAddress dns =
        Multiaddr.parse("/dns4/example.com/tcp/443").toTcpSocketAddress().orElseThrow();
    assertThat(dns.isUnresolved()).isTrue();
    assertThat(dns.getHostString()).isEqualTo("example.com");
    assertThat(Multiaddr.ofTcp(InetSocketAddress.createUnresolved("example.com", 443)).toString())
        .isEqualTo("/dns/example.com/tcp/443");

    assertThat(Multiaddr.parse("/p2p/" + SPEC_PEER).toTcpSocketAddress()).isEmpty();
    assertThat(Multiaddr.parse("/tcp/1/ip4/1.2.3.4").tcpPort()).isEmpty();
  }
}
