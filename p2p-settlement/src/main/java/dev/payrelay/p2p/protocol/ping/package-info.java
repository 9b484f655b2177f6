/**
 * libp2p ping ({@code /ipfs/ping/1.0.0}): 32 random bytes echoed back, in a loop, to check liveness
 * and measure the round trip.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/ping/ping.md">libp2p ping</a>.
 */
package dev.payrelay.p2p.protocol.ping;
