package dev.payrelay.gateway.cli;

import dev.payrelay.gateway.settlement.NetworkProperties;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.MultiaddrException;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeKeyFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code id [--data-dir D] [--listen MULTIADDR]...}: what other operators need to reach this node,
 * read from its key file without starting it (no Spring context, no database): the peer id on the
 * first line, then one dialable multiaddr per line, {@code <listen>/p2p/<peer id>}.
 *
 * <p>It never creates a key ({@code init} does): an id printed for a key that is then not used
 * would send peers to a node that does not exist.
 */
final class IdCommand {
  static final String LISTEN = "listen";

  private IdCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
    Options options = Options.parse(args, Set.of(DataDirectory.OPTION, LISTEN), false);
    if (!options.positional().isEmpty()) {
      throw new UsageException("id takes no arguments, got " + options.positional());
    }
    Path dataDirectory = DataDirectory.resolve(options.single(DataDirectory.OPTION), env);
    List<Multiaddr> listen = listenAddresses(options.all(LISTEN));
    Path file = NodeKeyFile.path(dataDirectory);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      err.println(
          "payrelay: no node key at "
              + file.toAbsolutePath().normalize()
              + "; create it with `init --data-dir "
              + dataDirectory
              + "` (or start the node once)");
      return CommandLine.EXIT_FAILED;
    }
    PeerId peer = NodeKeyFile.load(file).peerId();
    out.println(peer.toBase58());
    for (Multiaddr address : listen) {
      out.println(address.withPeerId(peer));
      warnIfNotDialable(address, err);
    }
    return CommandLine.EXIT_OK;
  }

  private static List<Multiaddr> listenAddresses(List<String> given) {
    List<String> texts = given.isEmpty() ? defaultListen() : given;
    List<Multiaddr> out = new ArrayList<>();
    for (String text : texts) {
      Multiaddr address;
      try {
        address = Multiaddr.parse(text);
      } catch (MultiaddrException e) {
        throw new UsageException("--listen: '" + text + "' is not a multiaddr: " + e.getMessage());
      }
      if (address.peerId().isPresent()) {
        throw new UsageException("--listen: '" + text + "' names a peer; give the address only");
      }
      out.add(address);
    }
    return out;
  }

  /** {@code payrelay.network.listen}'s default, read from {@link NetworkProperties} itself. */
  static List<String> defaultListen() {
    return List.of(PropertyDefaults.of(NetworkProperties.class, LISTEN));
  }

  /** Port 0 and the wildcard addresses are fine to listen on but nothing a peer can dial. */
  private static void warnIfNotDialable(Multiaddr address, PrintStream err) {
    if (address.tcpPort().isPresent() && address.tcpPort().getAsInt() == 0) {
      err.println(
          "payrelay: "
              + address
              + " takes a free port at start, unknown before; give --listen"
              + " /ip4/<address>/tcp/<port> (and the same payrelay.network.listen to the node) for"
              + " an address peers can dial");
    }
    String host = address.host().orElse("");
    if (host.equals("0.0.0.0") || host.equals("::")) {
      err.println(
          "payrelay: "
              + address
              + " listens on every interface; peers dial one of this machine's addresses in its"
              + " place");
    }
  }
}
