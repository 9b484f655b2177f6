package dev.payrelay.p2p.security.noise;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.p2p.core.ProtobufException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code NoiseExtensions} message, field 4 of {@link NoiseHandshakePayload}:
 *
 * <pre>
 * message NoiseExtensions {
 *   repeated bytes webtransport_certhashes = 1;
 *   repeated string stream_muxers = 2;
 * }
 * </pre>
 *
 * <p>We only read it: a peer listing {@code stream_muxers} is telling us what it would accept
 * without multistream-select, and we record that, but we never send the field ourselves (see {@link
 * NoiseXxHandshake}).
 *
 * @param webtransportCerthashes multihashes of WebTransport certificates (unused over TCP)
 * @param streamMuxers muxer protocol ids in the sender's order of preference
 * @see <a href="https://github.com/libp2p/specs/blob/master/noise/README.md">noise-libp2p</a>
 */
public record NoiseExtensions(List<byte[]> webtransportCerthashes, List<String> streamMuxers) {

  /** At most this many entries per repeated field. */
  static final int MAX_ENTRIES = 32;

  /** Longest certificate hash accepted, in bytes. */
  static final int MAX_CERTHASH_BYTES = 128;

  /** Longest muxer protocol id accepted, in bytes (multistream-select's own limit is similar). */
  static final int MAX_MUXER_ID_BYTES = 256;

  public static final NoiseExtensions NONE = new NoiseExtensions(List.of(), List.of());

  public NoiseExtensions {
    webtransportCerthashes = webtransportCerthashes.stream().map(byte[]::clone).toList();
    streamMuxers = List.copyOf(streamMuxers);
  }

  @Override
  public List<byte[]> webtransportCerthashes() {
    return webtransportCerthashes.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NoiseExtensions that)
        || !streamMuxers.equals(that.streamMuxers)
        || webtransportCerthashes.size() != that.webtransportCerthashes.size()) {
      return false;
    }
    for (int i = 0; i < webtransportCerthashes.size(); i++) {
      if (!Arrays.equals(webtransportCerthashes.get(i), that.webtransportCerthashes.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return streamMuxers.hashCode();
  }

  @Override
  public String toString() {
    return "NoiseExtensions[certhashes="
        + webtransportCerthashes.size()
        + ", streamMuxers="
        + streamMuxers
        + "]";
  }

  boolean isEmpty() {
    return webtransportCerthashes.isEmpty() && streamMuxers.isEmpty();
  }

  byte[] encode() {
    ProtoWriter writer = new ProtoWriter();
    webtransportCerthashes.forEach(hash -> writer.writeBytes(1, hash));
    streamMuxers.forEach(muxer -> writer.writeString(2, muxer));
    return writer.toByteArray();
  }

  static NoiseExtensions decode(ProtoReader reader) {
    List<byte[]> certhashes = new ArrayList<>();
    List<String> muxers = new ArrayList<>();
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case 1 -> certhashes.add(reader.readBytes(MAX_CERTHASH_BYTES));
        case 2 -> muxers.add(reader.readString(MAX_MUXER_ID_BYTES));
        default -> reader.skip();
      }
      if (certhashes.size() > MAX_ENTRIES || muxers.size() > MAX_ENTRIES) {
        throw new ProtobufException("NoiseExtensions lists more than " + MAX_ENTRIES + " entries");
      }
    }
    return new NoiseExtensions(certhashes, muxers);
  }
}
