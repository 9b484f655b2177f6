package dev.payrelay.wallet.devchain;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the anvil executable: an explicit path (system property {@value #PROPERTY} or environment
 * variable {@value #ENV}), then the pinned npm package under {@code tools/devchain}, then {@code
 * anvil} on the {@code PATH}.
 */
public final class AnvilBinary {

  /** System property holding an explicit path to anvil. */
  public static final String PROPERTY = "payrelay.anvil";

  /** Environment variable holding an explicit path to anvil. */
  public static final String ENV = "PAYRELAY_ANVIL";

  static final String HOW_TO_GET_IT =
      "Run `bash tools/install` from the repository root (npm ci in tools/devchain; needs Node.js"
          + " 20+ and npm), put Foundry's anvil on the PATH, or set "
          + ENV
          + " (or -D"
          + PROPERTY
          + ") to the anvil executable.";

  private AnvilBinary() {}

  /**
   * Locates anvil for a checkout rooted at {@code repoRoot} (may be {@code null} when there is no
   * checkout, e.g. an installed node).
   *
   * @throws AnvilException if no anvil executable is found
   */
  public static Path locate(Path repoRoot) {
    Optional<String> explicit =
        Optional.ofNullable(System.getProperty(PROPERTY))
            .or(() -> Optional.ofNullable(System.getenv(ENV)))
            .filter(s -> !s.isBlank());
    if (explicit.isPresent()) {
      Path binary = Path.of(explicit.get());
      if (!isExecutableFile(binary)) {
        throw new AnvilException(
            "anvil not found: -D"
                + PROPERTY
                + " or $"
                + ENV
                + " names "
                + binary
                + ", which is not an executable file. "
                + HOW_TO_GET_IT);
      }
      return binary;
    }
    if (repoRoot != null) {
      Path pinned = repoRoot.resolve(npmBinary(System.getProperty("os.name"), osArch()));
      if (Files.isExecutable(pinned)) {
        return pinned;
      }
    }
    return onPath()
        .orElseThrow(
            () ->
                new AnvilException(
                    "anvil not found (looked at -D"
                        + PROPERTY
                        + ", $"
                        + ENV
                        + (repoRoot == null ? "" : ", " + repoRoot.resolve(npmBinary()))
                        + " and the PATH). "
                        + HOW_TO_GET_IT));
  }

  /** Returns {@code binary} if it is an executable file, else fails with how to get anvil. */
  static Path requireExecutable(Path binary) {
    if (!isExecutableFile(binary)) {
      throw new AnvilException(
          "anvil not found: " + binary + " is not an executable file. " + HOW_TO_GET_IT);
    }
    return binary;
  }

  /** The binary of the npm package for this platform, relative to the repository root. */
  static Path npmBinary() {
    return npmBinary(System.getProperty("os.name"), osArch());
  }

  /** The binary of the npm package {@code @foundry-rs/anvil-<os>-<arch>}, relative to the root. */
  static Path npmBinary(String osName, String osArch) {
    String os = npmOs(osName);
    String exe = os.equals("win32") ? "anvil.exe" : "anvil";
    return Path.of(
        "tools/devchain/node_modules/@foundry-rs",
        "anvil-" + os + "-" + npmArch(osArch),
        "bin",
        exe);
  }

  static String npmOs(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return "win32";
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "darwin";
    }
    return os.startsWith("linux") ? "linux" : os;
  }

  static String npmArch(String osArch) {
    String arch = osArch.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "amd64":
      case "x86_64":
        return "amd64";
      case "aarch64":
      case "arm64":
        return "arm64";
      default:
        return arch;
    }
  }

  private static boolean isExecutableFile(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  private static String osArch() {
    return System.getProperty("os.arch");
  }

  private static Optional<Path> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "anvil");
      if (isExecutableFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
