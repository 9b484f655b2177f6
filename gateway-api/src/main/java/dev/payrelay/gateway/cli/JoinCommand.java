package dev.payrelay.gateway.cli;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.MultiaddrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code join BOOTSTRAP_MULTIADDR... [--network ID] [--data-dir D] [node options]}: runs the node
 * with {@code payrelay.network.bootstrap[i]} (and {@code payrelay.network.id}, {@code
 * payrelay.data-dir}) set from the arguments; every other option goes to the node unchanged.
 *
 * <p>The addresses are checked here, before anything starts, so a typo is a usage error in a second
 * rather than a failed start after the database came up.
 */
final class JoinCommand {
  static final String NETWORK = "network";
  private static final String BOOTSTRAP_PROPERTY = "payrelay.network.bootstrap";
  private static final String NETWORK_PROPERTY = "payrelay.network.id";

  private JoinCommand() {}

  static Outcome run(List<String> args) {
    Options options = Options.parse(args, Set.of(NETWORK, DataDirectory.OPTION), true);
    if (options.positional().isEmpty()) {
      throw new UsageException("join needs at least one bootstrap multiaddr");
    }
    for (String passed : options.passThrough()) {
      if (passed.startsWith("--" + BOOTSTRAP_PROPERTY)) {
        throw new UsageException("join takes its bootstrap addresses as arguments; drop " + passed);
      }
      if (options.single(NETWORK).isPresent() && passed.startsWith("--" + NETWORK_PROPERTY)) {
        throw new UsageException("give the network id once: --network or --" + NETWORK_PROPERTY);
      }
    }
    List<String> nodeArgs = new ArrayList<>(options.passThrough());
    List<String> bootstrap = options.positional();
    for (int i = 0; i < bootstrap.size(); i++) {
      nodeArgs.add("--" + BOOTSTRAP_PROPERTY + "[" + i + "]=" + checked(bootstrap.get(i)));
    }
    options.single(NETWORK).ifPresent(id -> nodeArgs.add("--" + NETWORK_PROPERTY + "=" + id));
    options
        .single(DataDirectory.OPTION)
        .ifPresent(dir -> nodeArgs.add("--payrelay.data-dir=" + dir));
    return Outcome.runNode(nodeArgs);
  }

  private static String checked(String text) {
    Multiaddr address;
    try {
      address = Multiaddr.parse(text);
    } catch (MultiaddrException e) {
      throw new UsageException("'" + text + "' is not a multiaddr: " + e.getMessage());
    }
    if (address.peerId().isEmpty() || address.tcpPort().isEmpty()) {
      throw new UsageException(
          "'" + text + "' is not a peer to dial: it must look like /ip4/HOST/tcp/PORT/p2p/PEER_ID");
    }
    return address.toString();
  }
}
