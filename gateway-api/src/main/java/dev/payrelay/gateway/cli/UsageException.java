package dev.payrelay.gateway.cli;

/**
 * The command line is wrong (unknown command or option, missing or malformed value): the caller
 * prints the message and the usage text and exits with {@link CommandLine#EXIT_USAGE}.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
