package dev.payrelay.p2p.swarm;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.transport.tcp.TcpTransportConfig;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link SwarmHost}.
 *
 * @param transport identity key and per-connection settings (timeouts, stream limit)
 * @param listenAddresses TCP multiaddrs to listen on ({@code /ip4/127.0.0.1/tcp/0} picks a port)
 * @param maxConnections open connections (both directions) beyond which inbound sockets are closed
 *     and dials fail
 * @param eventLoopThreads threads of the host's event loop group
 * @param agentVersion what identify announces as our agent
 */
public record SwarmConfig(
    TcpTransportConfig transport,
    List<Multiaddr> listenAddresses,
    int maxConnections,
    int eventLoopThreads,
    String agentVersion) {

  /** Default connection limit. */
  public static final int MAX_CONNECTIONS = 256;

  /** Default event loop threads: enough for a node on a small machine. */
  public static final int EVENT_LOOP_THREADS = 2;

  public static final String AGENT_VERSION = "payrelay/0.1.0";

  public SwarmConfig {
    Objects.requireNonNull(transport, "transport");
    listenAddresses = List.copyOf(listenAddresses);
    if (maxConnections < 1 || eventLoopThreads < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    Objects.requireNonNull(agentVersion, "agentVersion");
  }

  /** Defaults for {@code identity}, listening on {@code listenAddresses}. */
  public static SwarmConfig defaults(Ed25519KeyPair identity, Multiaddr... listenAddresses) {
    return new SwarmConfig(
        TcpTransportConfig.defaults(identity),
        List.of(listenAddresses),
        MAX_CONNECTIONS,
        EVENT_LOOP_THREADS,
        AGENT_VERSION);
  }

  public SwarmConfig withTransport(TcpTransportConfig value) {
    return new SwarmConfig(value, listenAddresses, maxConnections, eventLoopThreads, agentVersion);
  }

  public SwarmConfig withMaxConnections(int value) {
    return new SwarmConfig(transport, listenAddresses, value, eventLoopThreads, agentVersion);
  }
}
