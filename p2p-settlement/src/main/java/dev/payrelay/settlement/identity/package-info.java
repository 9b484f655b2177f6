/**
 * The node's identity on the settlement network: its Ed25519 key, kept in the data directory as a
 * libp2p {@code PrivateKey} protobuf with POSIX mode 0600, and the peer id derived from it. See
 * ARCHITECTURE "The settlement network (libp2p)" and the <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md">peer-ids spec</a>.
 */
package dev.payrelay.settlement.identity;
