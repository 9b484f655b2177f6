package dev.payrelay.wallet.devchain;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link AnvilTest}: starts anvil, prints its pid and waits to be killed.
 * Arguments: the anvil binary and the log file.
 */
final class AnvilOrphanProbe {

  private AnvilOrphanProbe() {}

  public static void main(String[] args) throws Exception {
    Anvil anvil = Anvil.start(AnvilOptions.of(Path.of(args[0]), Path.of(args[1])));
    System.out.println(anvil.pid());
    System.out.flush();
    System.in.read(); // the test kills this JVM with SIGKILL
  }
}
