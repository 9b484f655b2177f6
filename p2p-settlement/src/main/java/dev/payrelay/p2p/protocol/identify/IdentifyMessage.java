package dev.payrelay.p2p.protocol.identify;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.p2p.core.ProtobufException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Identify} protobuf (proto2):
 *
 * <pre>
 * message Identify {
 *   optional string protocolVersion = 5;
 *   optional string agentVersion = 6;
 *   optional bytes publicKey = 1;            // a serialized libp2p PublicKey
 *   repeated bytes listenAddrs = 2;          // binary multiaddrs
 *   optional bytes observedAddr = 4;         // binary multiaddr
 *   repeated string protocols = 3;
 *   optional bytes signedPeerRecord = 8;     // skipped
 * }
 * </pre>
 *
 * Listen addresses we cannot parse (protocols this stack does not know) are skipped.
 *
 * @see <a
 *     href="https://github.com/libp2p/specs/blob/master/identify/README.md#the-identify-message">
 *     identify, The Identify Message</a>
 */
public record IdentifyMessage(
    Optional<byte[]> publicKey,
    List<Multiaddr> listenAddresses,
    List<String> protocols,
    Optional<Multiaddr> observedAddress,
    Optional<String> protocolVersion,
    Optional<String> agentVersion) {

  /** Largest identify message we read, in bytes (js-libp2p's limit is 8 KiB). */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  /** The protocol version we announce. */
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";

  static final int MAX_FIELD_BYTES = 4_096;
  static final int MAX_ENTRIES = 256;

  public IdentifyMessage {
    publicKey = publicKey.map(byte[]::clone);
    listenAddresses = List.copyOf(listenAddresses);
    protocols = List.copyOf(protocols);
  }

  public byte[] encode() {
    ProtoWriter writer = new ProtoWriter();
    protocolVersion.ifPresent(value -> writer.writeString(5, value));
    agentVersion.ifPresent(value -> writer.writeString(6, value));
    publicKey.ifPresent(value -> writer.writeBytes(1, value));
    listenAddresses.forEach(address -> writer.writeBytes(2, address.toBytes()));
    observedAddress.ifPresent(address -> writer.writeBytes(4, address.toBytes()));
    protocols.forEach(protocol -> writer.writeString(3, protocol));
    return writer.toByteArray();
  }

  /**
   * Decodes untrusted bytes.
   *
   * @throws ProtobufException if they are not an identify message within our limits
   */
  public static IdentifyMessage decode(byte[] encoded) {
    byte[] publicKey = null;
    List<Multiaddr> listen = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    Multiaddr observed = null;
    String protocolVersion = null;
    String agentVersion = null;
    ProtoReader reader = new ProtoReader(encoded);
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case 1 -> publicKey = reader.readBytes(MAX_FIELD_BYTES);
        case 2 -> parse(reader.readBytes(MAX_FIELD_BYTES)).ifPresent(listen::add);
        case 3 -> protocols.add(reader.readString(MAX_FIELD_BYTES));
        case 4 -> observed = parse(reader.readBytes(MAX_FIELD_BYTES)).orElse(null);
        case 5 -> protocolVersion = reader.readString(MAX_FIELD_BYTES);
        case 6 -> agentVersion = reader.readString(MAX_FIELD_BYTES);
        default -> reader.skip();
      }
      if (listen.size() > MAX_ENTRIES || protocols.size() > MAX_ENTRIES) {
        throw new ProtobufException("identify message lists more than " + MAX_ENTRIES + " entries");
      }
    }
    return new IdentifyMessage(
        Optional.ofNullable(publicKey),
        listen,
        protocols,
        Optional.ofNullable(observed),
        Optional.ofNullable(protocolVersion),
        Optional.ofNullable(agentVersion));
  }

  private static Optional<Multiaddr> parse(byte[] bytes) {
    try {
      return Optional.of(Multiaddr.fromBytes(bytes));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a protocol this stack does not know, or a malformed address
    }
  }
}
