/**
 * libp2p over TCP on Netty: listening, dialling, and the connection upgrade of the libp2p
 * connections spec: multistream-select {@code /noise}, the Noise XX handshake with the libp2p
 * payload, multistream-select {@code /yamux/1.0.0} inside the encrypted channel, then yamux, with
 * multistream-select again on every new stream.
 *
 * <p>The protocol logic stays in the pure state machines of {@code multistream}, {@code
 * security.noise} and {@code mux.yamux}; this package only moves bytes between them and the socket,
 * on the connection's event loop. Received {@code ByteBuf}s are copied out and released at once
 * ({@link dev.payrelay.p2p.transport.tcp.UpgradeHandler}), and written ones wrap byte arrays, so no
 * reference-counted buffer outlives a call.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/connections/README.md">libp2p
 * connections</a>.
 */
package dev.payrelay.p2p.transport.tcp;
