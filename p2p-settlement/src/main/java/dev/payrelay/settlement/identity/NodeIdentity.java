package dev.payrelay.settlement.identity;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import java.util.Objects;

/**
 * Who this node is on the network: its Ed25519 key pair and the peer id derived from the public key
 * (an identity multihash, so {@code 12D3KooW…}). {@link #toString()} shows only the peer id.
 */
public final class NodeIdentity {
  private final Ed25519KeyPair keyPair;
  private final PeerId peerId;

  public NodeIdentity(Ed25519KeyPair keyPair) {
    this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
    this.peerId = keyPair.peerId();
  }

  /** A fresh identity that is never stored (tests, throw-away nodes). */
  public static NodeIdentity ephemeral() {
    return new NodeIdentity(Ed25519KeyPair.generate());
  }

  public Ed25519KeyPair keyPair() {
    return keyPair;
  }

  public PeerId peerId() {
    return peerId;
  }

  /** The 64-byte Ed25519 signature of {@code message} by this node's key. */
  public byte[] sign(byte[] message) {
    return keyPair.sign(message);
  }

  @Override
  public String toString() {
    return "NodeIdentity[" + peerId + "]";
  }
}
