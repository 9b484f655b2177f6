package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.settlement.SettlementConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SettlementNode} joins the network.
 *
 * @param settlement the network id (naming the topics) and the quorum mode
 * @param listenAddresses TCP multiaddrs to listen on, e.g. {@code /ip4/0.0.0.0/tcp/4001} ({@code
 *     /tcp/0} picks a free port)
 * @param bootstrap peers dialled at start and redialled while disconnected; each names its peer
 *     with {@code /p2p/<peer id>}
 * @param membership who may stay connected
 * @param maxConnections open connections, both directions, beyond which new ones are refused
 * @param retryHeldEvery how often held proofs and receipts are checked again
 * @param peerStoreFile where known peers are kept across restarts (one multiaddr per line), if
 *     anywhere
 */
public record NetworkConfig(
    SettlementConfig settlement,
    List<Multiaddr> listenAddresses,
    List<Multiaddr> bootstrap,
    Membership membership,
    int maxConnections,
    Duration retryHeldEvery,
    Optional<Path> peerStoreFile) {

  /** The default of {@link #retryHeldEvery}: about every block or two on most chains. */
  public static final Duration RETRY_HELD_EVERY = Duration.ofSeconds(5);

  public NetworkConfig {
    Objects.requireNonNull(settlement, "settlement");
    listenAddresses = List.copyOf(listenAddresses);
    bootstrap = List.copyOf(bootstrap);
    Objects.requireNonNull(membership, "membership");
    Objects.requireNonNull(retryHeldEvery, "retryHeldEvery");
    Objects.requireNonNull(peerStoreFile, "peerStoreFile");
    if (listenAddresses.isEmpty()) {
      throw new IllegalArgumentException("a node listens on at least one address");
    }
    for (Multiaddr address : listenAddresses) {
      if (address.toTcpSocketAddress().isEmpty()) {
        throw new IllegalArgumentException("not a TCP listen address: " + address);
      }
    }
    for (Multiaddr address : bootstrap) {
      if (address.peerId().isEmpty()) {
        throw new IllegalArgumentException(
            "a bootstrap address names its peer with /p2p/<peer id>: " + address);
      }
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive, not " + maxConnections);
    }
    if (retryHeldEvery.isZero() || retryHeldEvery.isNegative()) {
      throw new IllegalArgumentException("retryHeldEvery must be positive, not " + retryHeldEvery);
    }
  }

  /** Network {@code networkId}, open membership, no bootstrap, no peer file, default limits. */
  public static NetworkConfig defaults(String networkId, Multiaddr... listen) {
    return new NetworkConfig(
        SettlementConfig.of(networkId),
        List.of(listen),
        List.of(),
        Membership.open(),
        SwarmConfig.MAX_CONNECTIONS,
        RETRY_HELD_EVERY,
        Optional.empty());
  }

  public NetworkConfig withSettlement(SettlementConfig value) {
    return new NetworkConfig(
        value,
        listenAddresses,
        bootstrap,
        membership,
        maxConnections,
        retryHeldEvery,
        peerStoreFile);
  }

  public NetworkConfig withListenAddresses(List<Multiaddr> value) {
    return new NetworkConfig(
        settlement, value, bootstrap, membership, maxConnections, retryHeldEvery, peerStoreFile);
  }

  public NetworkConfig withBootstrap(List<Multiaddr> value) {
    return new NetworkConfig(
        settlement,
        listenAddresses,
        value,
        membership,
        maxConnections,
        retryHeldEvery,
        peerStoreFile);
  }

  public NetworkConfig withMembership(Membership value) {
    return new NetworkConfig(
        settlement,
        listenAddresses,
        bootstrap,
        value,
        maxConnections,
        retryHeldEvery,
        peerStoreFile);
  }

  public NetworkConfig withMaxConnections(int value) {
    return new NetworkConfig(
        settlement, listenAddresses, bootstrap, membership, value, retryHeldEvery, peerStoreFile);
  }

  public NetworkConfig withRetryHeldEvery(Duration value) {
    return new NetworkConfig(
        settlement, listenAddresses, bootstrap, membership, maxConnections, value, peerStoreFile);
  }

  public NetworkConfig withPeerStoreFile(Optional<Path> value) {
    return new NetworkConfig(
        settlement, listenAddresses, bootstrap, membership, maxConnections, retryHeldEvery, value);
  }
}
