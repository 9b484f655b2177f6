package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link TcpTransport}.
 *
 * @param identity the host's identity key, which signs its Noise static key
 * @param dialTimeout TCP connect timeout
 * @param upgradeTimeout how long the whole upgrade (multistream, Noise, multistream, yamux) may
 *     take before the socket is closed
 * @param idleTimeout a connection without any stream for this long is closed
 * @param maxStreamsPerConnection yamux streams open at once per connection, both directions
 */
public record TcpTransportConfig(
    Ed25519KeyPair identity,
    Duration dialTimeout,
    Duration upgradeTimeout,
    Duration idleTimeout,
    int maxStreamsPerConnection) {

  /** Default TCP connect timeout. */
  public static final Duration DIAL_TIMEOUT = Duration.ofSeconds(10);

  /** Default upgrade timeout. */
  public static final Duration UPGRADE_TIMEOUT = Duration.ofSeconds(10);

  /** Default idle timeout. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

  /** Default stream limit per connection. */
  public static final int MAX_STREAMS_PER_CONNECTION = 1_024;

  public TcpTransportConfig {
    Objects.requireNonNull(identity, "identity");
    requirePositive(dialTimeout, "dialTimeout");
    requirePositive(upgradeTimeout, "upgradeTimeout");
    requirePositive(idleTimeout, "idleTimeout");
    if (maxStreamsPerConnection < 1) {
      throw new IllegalArgumentException("maxStreamsPerConnection must be positive");
    }
  }

  /** The defaults for {@code identity}. */
  public static TcpTransportConfig defaults(Ed25519KeyPair identity) {
    return new TcpTransportConfig(
        identity, DIAL_TIMEOUT, UPGRADE_TIMEOUT, IDLE_TIMEOUT, MAX_STREAMS_PER_CONNECTION);
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
