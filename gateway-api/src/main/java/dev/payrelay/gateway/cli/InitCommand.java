package dev.payrelay.gateway.cli;

import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.identity.NodeKeyFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code init [--data-dir D]}: prepares a node's data directory and identity before its first
 * start, so the operator can hand the peer id to other operators (for their allowlists) in advance.
 * Idempotent: an existing key is kept (and checked, as the node checks it), never replaced; losing
 * it would change the node's peer id for every peer that knows it.
 *
 * <p>Prints the peer id alone on standard output (for scripts); what was done goes to standard
 * error.
 */
final class InitCommand {
  private InitCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
    Options options = Options.parse(args, Set.of(DataDirectory.OPTION), false);
    if (!options.positional().isEmpty()) {
      throw new UsageException("init takes no arguments, got " + options.positional());
    }
    Path dataDirectory = DataDirectory.resolve(options.single(DataDirectory.OPTION), env);
    Path file = NodeKeyFile.path(dataDirectory);
    boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    NodeIdentity identity = NodeKeyFile.loadOrCreate(dataDirectory);
    err.println(
        (existed ? "kept the existing node key " : "created the node key ")
            + file.toAbsolutePath().normalize()
            + " (mode 0600); the node's peer id:");
    out.println(identity.peerId().toBase58());
    return CommandLine.EXIT_OK;
  }
}
