/**
 * The host API: what protocols on top of the libp2p stack (identify, ping, gossipsub, PayRelay's
 * settlement protocol) see of it. A {@link dev.payrelay.p2p.host.Host} listens and dials, keeps one
 * or more secured and multiplexed {@link dev.payrelay.p2p.host.Connection}s per peer, routes every
 * inbound {@link dev.payrelay.p2p.host.Stream} to the {@link dev.payrelay.p2p.host.StreamHandler}
 * registered for its protocol id, and reports connections coming and going to {@link
 * dev.payrelay.p2p.host.ConnectionListener}s. What it learns about peers (addresses, protocols,
 * keys) goes to its {@link dev.payrelay.p2p.host.PeerStore}.
 *
 * <h2>Threads</h2>
 *
 * Each connection belongs to one Netty event loop. Every callback of this API ({@link
 * dev.payrelay.p2p.host.StreamHandler}, {@link dev.payrelay.p2p.host.StreamListener}, {@link
 * dev.payrelay.p2p.host.ConnectionListener}) runs on that loop and must not block. The methods of
 * {@link dev.payrelay.p2p.host.Stream} and {@link dev.payrelay.p2p.host.Connection} may be called
 * from any thread; from another thread they are handed to the loop in order. Futures complete on
 * the loop.
 *
 * <p>No Netty type appears in this package: data is {@code byte[]}, owned by the receiver once
 * handed over, so no caller has a reference count to get wrong.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/connections/README.md">libp2p
 * connections</a>.
 */
package dev.payrelay.p2p.host;
