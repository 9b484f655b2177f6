/**
 * Yamux stream multiplexing ({@code /yamux/1.0.0}) as a pure state machine: frames in, frames and
 * events out, no I/O.
 *
 * <p>Specs: <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md">libp2p yamux</a>
 * and <a href="https://github.com/hashicorp/yamux/blob/master/spec.md">hashicorp yamux spec</a>.
 */
package dev.payrelay.p2p.mux.yamux;
