/**
 * multistream-select 1.0 protocol negotiation, as pure state machines (bytes in, bytes and a result
 * out).
 *
 * <p>Specs: <a href="https://github.com/libp2p/specs/blob/master/connections/README.md">libp2p
 * connections, "multistream-select"</a> and <a
 * href="https://github.com/multiformats/multistream-select">multiformats/multistream-select</a>. A
 * later Netty handler feeds received bytes to {@link
 * dev.payrelay.p2p.multistream.MultistreamInitiator} or {@link
 * dev.payrelay.p2p.multistream.MultistreamResponder}, writes {@code bytesToSend}, and on success
 * hands the negotiated protocol and the {@code leftover} bytes to the next handler.
 */
package dev.payrelay.p2p.multistream;
