package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.PeerId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may stay connected to a node: anyone ({@link #open()}), or only the peers of an allowlist
 * ({@link #allowlist(Set)}). Checked on every connection right after the Noise handshake, which has
 * authenticated the peer id, in both directions.
 */
public final class Membership {
  private final Optional<Set<PeerId>> allowed;

  private Membership(Optional<Set<PeerId>> allowed) {
    this.allowed = allowed;
  }

  /** Any peer may connect. */
  public static Membership open() {
    return new Membership(Optional.empty());
  }

  /** Only {@code peers} may connect (an empty set admits nobody). */
  public static Membership allowlist(Set<PeerId> peers) {
    return new Membership(Optional.of(Set.copyOf(Objects.requireNonNull(peers, "peers"))));
  }

  public boolean admits(PeerId peer) {
    return allowed.map(set -> set.contains(peer)).orElse(true);
  }

  /** The allowlist; empty when open. */
  public Optional<Set<PeerId>> allowed() {
    return allowed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Membership that && allowed.equals(that.allowed);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode();
  }

  @Override
  public String toString() {
    return allowed.map(set -> "allowlist of " + set.size() + " peers").orElse("open");
  }
}
