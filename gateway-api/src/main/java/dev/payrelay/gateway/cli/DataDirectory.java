package dev.payrelay.gateway.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The data directory a command works on, chosen as the node chooses it, so {@code init} and {@code
 * id} see the key the node will use: {@code --data-dir}, else the environment variable {@value
 * #ENVIRONMENT}, else {@value #DEFAULT} (the default of {@code payrelay.data-dir}).
 */
final class DataDirectory {
  static final String OPTION = "data-dir";
  static final String ENVIRONMENT = "PAYRELAY_DATA_DIR";
  static final String DEFAULT = "./data";

  private DataDirectory() {}

  static Path resolve(Optional<String> option, Map<String, String> environment) {
    String chosen =
        option.orElseGet(
            () -> {
              String fromEnvironment = environment.get(ENVIRONMENT);
              return fromEnvironment == null || fromEnvironment.isBlank()
                  ? DEFAULT
                  : fromEnvironment;
            });
    try {
      return Path.of(chosen);
    } catch (InvalidPathException e) {
      throw new UsageException("--" + OPTION + ": '" + chosen + "' is not a path");
    }
  }
}
