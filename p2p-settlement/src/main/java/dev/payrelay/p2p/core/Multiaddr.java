package dev.payrelay.p2p.core;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A multiaddr of the protocols in {@link MultiaddrProtocol}, e.g. {@code
 * /ip4/10.0.0.5/tcp/4001/p2p/12D3KooW…}, in its text and binary forms. The binary form is each
 * component's protocol code as a varint, then its value: fixed-size for ip4/ip6/tcp, a varint
 * length and the bytes for dns/dns4/dns6/p2p. Immutable; equal when the binary forms are equal.
 *
 * <p>Text is parsed strictly (one optional trailing {@code /} aside) and printed canonically: IPv6
 * per RFC 5952, peer ids in base58btc, {@code /ipfs/} as {@code /p2p/}. Empty multiaddrs are
 * rejected. Every malformed input gives a {@link MultiaddrException} and nothing else.
 *
 * <p>Spec: <a href="https://github.com/multiformats/multiaddr">multiformats/multiaddr</a> and <a
 * href="https://github.com/libp2p/specs/blob/master/addressing/README.md">libp2p addressing</a>.
 */
public final class Multiaddr {
  /** Our limit on the binary form; addresses we use are under 100 bytes. */
  public static final int MAX_BYTES = 1024;

  /** Our limit on the text form. */
  public static final int MAX_TEXT_CHARS = 2048;

  private final List<Component> components;
  private final byte[] bytes;

  private Multiaddr(List<Component> components) {
    if (components.isEmpty()) {
      throw new MultiaddrException("a multiaddr needs at least one component");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component component : components) {
      component.writeTo(out);
    }
    if (out.size() > MAX_BYTES) {
      throw new MultiaddrException(
          "multiaddr of " + out.size() + " bytes is over the limit of " + MAX_BYTES);
    }
    this.components = List.copyOf(components);
    this.bytes = out.toByteArray();
  }

  /**
   * Parses the text form, e.g. {@code /ip4/1.2.3.4/tcp/4001/p2p/12D3KooW…}.
   *
   * @throws MultiaddrException for anything that is not a multiaddr of the supported protocols
   */
  public static Multiaddr parse(String text) {
    if (text.length() > MAX_TEXT_CHARS) {
      throw new MultiaddrException(
          "multiaddr text of "
              + text.length()
              + " characters is over the limit of "
              + MAX_TEXT_CHARS);
    }
    if (!text.startsWith("/")) {
      throw new MultiaddrException(
          "multiaddr '" + MultiaddrValues.abbreviate(text) + "' does not start with '/'");
    }
    String body = text.substring(1);
    if (body.endsWith("/")) {
      body =
          body.substring(0, body.length() - 1); // one trailing '/' is allowed, as go-multiaddr does
    }
    if (body.isEmpty()) {
      throw new MultiaddrException("a multiaddr needs at least one component");
    }
    String[] parts = body.split("/", -1);
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < parts.length; i += 2) {
      String name = parts[i];
      MultiaddrProtocol protocol =
          MultiaddrProtocol.byName(name)
              .orElseThrow(
                  () ->
                      new MultiaddrException(
                          "unknown multiaddr protocol '" + MultiaddrValues.abbreviate(name) + "'"));
      if (i + 1 >= parts.length || parts[i + 1].isEmpty()) {
        throw new MultiaddrException("/" + protocol.protocolName() + "/ lacks its value");
      }
      components.add(new Component(protocol, MultiaddrValues.toBytes(protocol, parts[i + 1])));
    }
    return new Multiaddr(components);
  }

  /**
   * Decodes the binary form, which must be whole: no truncated component, nothing after the last.
   *
   * @throws MultiaddrException for anything else
   */
  public static Multiaddr fromBytes(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new MultiaddrException(
          "multiaddr of " + bytes.length + " bytes is over the limit of " + MAX_BYTES);
    }
    List<Component> components = new ArrayList<>();
    int offset = 0;
    try {
      while (offset < bytes.length) {
        long code = Varint.decode(bytes, offset);
        offset += Varint.encodedLength(code);
        MultiaddrProtocol protocol =
            MultiaddrProtocol.byCode(code)
                .orElseThrow(
                    () -> new MultiaddrException("unknown multiaddr protocol code " + code));
        int length = protocol.valueBytes();
        if (length == MultiaddrProtocol.LENGTH_PREFIXED) {
          long announced = Varint.decode(bytes, offset);
          offset += Varint.encodedLength(announced);
          if (announced < 1 || announced > MultiaddrValues.maxValueBytes(protocol)) {
            throw new MultiaddrException(
                "/" + protocol.protocolName() + "/ value of " + announced + " bytes is invalid");
          }
          length = (int) announced;
        }
        if (length > bytes.length - offset) {
          throw new MultiaddrException(
              "/"
                  + protocol.protocolName()
                  + "/ needs "
                  + length
                  + " value bytes but only "
                  + (bytes.length - offset)
                  + " remain");
        }
        byte[] value = Arrays.copyOfRange(bytes, offset, offset + length);
        offset += length;
        MultiaddrValues.toText(protocol, value);
        components.add(new Component(protocol, value));
      }
    } catch (VarintException e) {
      throw new MultiaddrException("malformed varint in multiaddr: " + e.getMessage(), e);
    }
    return new Multiaddr(components);
  }

  /**
   * The TCP multiaddr of a socket address: {@code /ip4/…/tcp/…}, {@code /ip6/…/tcp/…}, or for an
   * unresolved address {@code /dns/…/tcp/…}. An IPv6 scope id is dropped.
   */
  public static Multiaddr ofTcp(InetSocketAddress address) {
    List<Component> components = new ArrayList<>(2);
    InetAddress ip = address.getAddress();
    if (ip instanceof Inet4Address) {
      components.add(new Component(MultiaddrProtocol.IP4, ip.getAddress()));
    } else if (ip instanceof Inet6Address) {
      components.add(new Component(MultiaddrProtocol.IP6, ip.getAddress()));
    } else {
      components.add(
          new Component(
              MultiaddrProtocol.DNS,
              MultiaddrValues.toBytes(MultiaddrProtocol.DNS, address.getHostString())));
    }
    components.add(
        new Component(
            MultiaddrProtocol.TCP,
            MultiaddrValues.toBytes(MultiaddrProtocol.TCP, Integer.toString(address.getPort()))));
    return new Multiaddr(components);
  }

  /** The binary form (a copy). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  public List<Component> components() {
    return components;
  }

  /** The peer id of a trailing {@code /p2p/} component. */
  public Optional<PeerId> peerId() {
    Component last = components.get(components.size() - 1);
    return last.protocol() == MultiaddrProtocol.P2P
        ? Optional.of(PeerId.fromBytes(last.value))
        : Optional.empty();
  }

  /**
   * This address ending in {@code /p2p/<id>}: itself if it already does.
   *
   * @throws MultiaddrException if it already ends in a different peer id
   */
  public Multiaddr withPeerId(PeerId id) {
    Optional<PeerId> current = peerId();
    if (current.isPresent()) {
      if (current.get().equals(id)) {
        return this;
      }
      throw new MultiaddrException(this + " already names peer " + current.get() + ", not " + id);
    }
    List<Component> extended = new ArrayList<>(components);
    extended.add(new Component(MultiaddrProtocol.P2P, id.toBytes()));
    return new Multiaddr(extended);
  }

  /** This address without a trailing {@code /p2p/} component. */
  public Multiaddr withoutPeerId() {
    if (peerId().isEmpty()) {
      return this;
    }
    if (components.size() == 1) {
      throw new MultiaddrException(this + " is only a peer id");
    }
    return new Multiaddr(components.subList(0, components.size() - 1));
  }

  /** The text of the first component if it is a host (ip4, ip6, dns, dns4, dns6). */
  public Optional<String> host() {
    Component first = components.get(0);
    return first.protocol().isHost() ? Optional.of(first.valueText()) : Optional.empty();
  }

  /** The port of a {@code /tcp/} component directly after the host. */
  public OptionalInt tcpPort() {
    if (components.size() < 2
        || !components.get(0).protocol().isHost()
        || components.get(1).protocol() != MultiaddrProtocol.TCP) {
      return OptionalInt.empty();
    }
    byte[] port = components.get(1).value;
    return OptionalInt.of(((port[0] & 0xff) << 8) | (port[1] & 0xff));
  }

  /**
   * Where to dial a {@code /<host>/…/tcp/<port>/…} address: resolved for an IP (no lookup), {@link
   * InetSocketAddress#createUnresolved unresolved} for a DNS name.
   */
  public Optional<InetSocketAddress> toTcpSocketAddress() {
    OptionalInt port = tcpPort();
    if (port.isEmpty()) {
      return Optional.empty();
    }
    Component host = components.get(0);
    if (host.protocol() == MultiaddrProtocol.IP4 || host.protocol() == MultiaddrProtocol.IP6) {
      try {
        return Optional.of(
            new InetSocketAddress(InetAddress.getByAddress(host.value), port.getAsInt()));
      } catch (UnknownHostException e) {
        throw new IllegalStateException("a 4- or 16-byte address was rejected", e);
      }
    }
    return Optional.of(InetSocketAddress.createUnresolved(host.valueText(), port.getAsInt()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multiaddr that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The canonical text form. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Component component : components) {
      out.append(component);
    }
    return out.toString();
  }

  /** One protocol and its value. */
  public static final class Component {
    private final MultiaddrProtocol protocol;
    private final byte[] value;

    private Component(MultiaddrProtocol protocol, byte[] value) {
      this.protocol = protocol;
      this.value = value;
    }

    public MultiaddrProtocol protocol() {
      return protocol;
    }

    /** The binary value, without the length prefix (a copy). */
    public byte[] value() {
      return value.clone();
    }

    /** The value in text form. */
    public String valueText() {
      return MultiaddrValues.toText(protocol, value);
    }

    private void writeTo(ByteArrayOutputStream out) {
      out.writeBytes(Varint.encode(protocol.code()));
      if (protocol.valueBytes() == MultiaddrProtocol.LENGTH_PREFIXED) {
        out.writeBytes(Varint.encode(value.length));
      }
      out.writeBytes(value);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Component that
          && protocol == that.protocol
          && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
      return 31 * protocol.hashCode() + Arrays.hashCode(value);
    }

    /** {@code /<name>/<value>}. */
    @Override
    public String toString() {
      return "/" + protocol.protocolName() + "/" + valueText();
    }
  }
}
