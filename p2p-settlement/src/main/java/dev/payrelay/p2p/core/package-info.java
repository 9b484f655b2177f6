/**
 * The multiformats and identity building blocks every libp2p protocol package uses: unsigned
 * varints, base58btc, a minimal protobuf reader and writer, libp2p key protobufs, Ed25519 identity
 * keys, peer ids and multiaddrs.
 *
 * <p>Specs: <a href="https://github.com/multiformats/unsigned-varint">unsigned-varint</a>, <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md">peer-ids</a>, <a
 * href="https://github.com/multiformats/multiaddr">multiaddr</a>, <a
 * href="https://github.com/multiformats/multihash">multihash</a>, <a
 * href="https://github.com/multiformats/cid">CID</a>, <a
 * href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>.
 *
 * <p>Every decoder here takes untrusted bytes or text. Each documents the one {@link
 * java.lang.IllegalArgumentException} subclass it throws for malformed input ({@link
 * dev.payrelay.p2p.core.VarintException}, {@link dev.payrelay.p2p.core.ProtobufException}, {@link
 * dev.payrelay.p2p.core.KeyFormatException}, {@link dev.payrelay.p2p.core.PeerIdException}, {@link
 * dev.payrelay.p2p.core.MultiaddrException}) and throws nothing else for any input.
 */
package dev.payrelay.p2p.core;
