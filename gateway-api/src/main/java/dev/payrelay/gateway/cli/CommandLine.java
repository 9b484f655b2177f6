package dev.payrelay.gateway.cli;

import dev.payrelay.settlement.identity.NodeKeyFileException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The node's operator commands (issue #6): {@code payrelay-node.jar [init | id | join | help]}.
 * With no command, or only options, it runs the node exactly as before, so {@code java -jar
 * payrelay-node.jar --server.port=9090} keeps working.
 *
 * <p>Only {@code PayRelayApplication.main} turns the {@link Outcome} into a start or an exit, so
 * the commands run in tests without ending the test JVM.
 */
public final class CommandLine {
  static final int EXIT_OK = 0;

  /** The command was right but could not do its work (e.g. no or an unreadable key file). */
  static final int EXIT_FAILED = 1;

  /** The command line was wrong; the usage text was printed. */
  static final int EXIT_USAGE = 2;

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar payrelay-node.jar [COMMAND] [OPTIONS]",
          "",
          "  (no command) [--name=value...]    run the node (see README, Configuration)",
          "  init [--data-dir D]               create the data directory and the node key (mode",
          "                                    0600) if missing; print the peer id",
          "  id [--data-dir D] [--listen MULTIADDR]...",
          "                                    print the peer id, then the multiaddrs peers dial",
          "                                    (<listen>/p2p/<peer id>); does not start the node",
          "  join BOOTSTRAP_MULTIADDR... [--network ID] [--data-dir D] [--name=value...]",
          "                                    run the node, dialing these peers",
          "                                    (payrelay.network.bootstrap, payrelay.network.id)",
          "  help                              print this text",
          "",
          "D defaults to $PAYRELAY_DATA_DIR, else ./data (payrelay.data-dir).",
          "With Maven: ./mvnw -pl gateway-api -am spring-boot:run"
              + " -Dspring-boot.run.arguments=\"COMMAND ...\"");

  private CommandLine() {}

  /** Runs a command, or says to run the node; prints to the given streams, never exits. */
  public static Outcome execute(String[] args, PrintStream out, PrintStream err) {
    return execute(Arrays.asList(args), out, err, System.getenv());
  }

  static Outcome execute(
      List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.isEmpty() || isNodeOption(args.get(0))) {
      return Outcome.runNode(args);
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      switch (command) {
        case "init":
          return Outcome.exit(InitCommand.run(rest, out, err, env));
        case "id":
          return Outcome.exit(IdCommand.run(rest, out, err, env));
        case "join":
          return JoinCommand.run(rest);
        case "help":
        case "--help":
        case "-h":
          out.println(USAGE);
          return Outcome.exit(EXIT_OK);
        default:
          throw new UsageException("unknown command '" + command + "'");
      }
    } catch (UsageException e) {
      err.println("payrelay: " + e.getMessage());
      err.println(USAGE);
      return Outcome.exit(EXIT_USAGE);
    } catch (NodeKeyFileException e) {
      err.println("payrelay: " + e.getMessage());
      return Outcome.exit(EXIT_FAILED);
    }
  }

  private static boolean isNodeOption(String first) {
    return first.startsWith("-") && !first.equals("--help") && !first.equals("-h");
  }
}
