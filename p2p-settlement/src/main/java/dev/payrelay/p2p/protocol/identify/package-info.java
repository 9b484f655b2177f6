/**
 * libp2p identify ({@code /ipfs/id/1.0.0}) and identify push ({@code /ipfs/id/push/1.0.0}): peers
 * tell each other their key, listen addresses, protocols and the address they observe.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/identify/README.md">libp2p
 * identify</a>.
 */
package dev.payrelay.p2p.protocol.identify;
