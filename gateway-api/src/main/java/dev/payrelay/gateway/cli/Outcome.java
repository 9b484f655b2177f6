package dev.payrelay.gateway.cli;

import java.util.List;

/**
 * What {@link CommandLine#execute} decided: either run the node (Spring Boot) with these arguments,
 * or exit with this code because the command has done its work (or was wrong).
 *
 * <p>Returning the decision instead of calling {@code System.exit} keeps the command line testable
 * in the test JVM; only {@code PayRelayApplication.main} acts on it.
 */
public record Outcome(boolean runNode, List<String> nodeArguments, int exitCode) {

  public Outcome {
    nodeArguments = List.copyOf(nodeArguments);
  }

  static Outcome runNode(List<String> arguments) {
    return new Outcome(true, arguments, 0);
  }

  static Outcome exit(int code) {
    return new Outcome(false, List.of(), code);
  }

  /** The node's arguments as {@code SpringApplication.run} takes them. */
  public String[] nodeArgumentArray() {
    return nodeArguments.toArray(String[]::new);
  }
}
