package dev.payrelay.wallet.devchain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Anvil running under a POSIX {@code sh} guard whose standard input is a pipe from this JVM. The
 * guard starts anvil in the background, prints its pid, then reads its stdin until EOF and kills
 * anvil. EOF comes when {@link #stop} closes the pipe or when the JVM dies for any reason
 * (including SIGKILL), so anvil never outlives the JVM.
 */
final class AnvilGuard {

  /** {@code $1} is the log file, the rest is the anvil command line. */
  static final String SCRIPT =
      "log=$1; shift; \"$@\" >>\"$log\" 2>&1 & c=$!; echo $c;"
          + " trap 'kill $c 2>/dev/null' EXIT INT TERM;"
          + " cat >/dev/null; kill $c 2>/dev/null; wait $c";

  /** How long anvil gets to exit (and dump its state file) after its guard's stdin is closed. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process guard;
  private final ProcessHandle anvil;
  private final long anvilPid;

  private AnvilGuard(Process guard, long anvilPid) {
    this.guard = guard;
    this.anvilPid = anvilPid;
    // Empty if anvil has already exited (the guard reaps it): then it is simply not alive.
    this.anvil = ProcessHandle.of(anvilPid).orElse(null);
  }

  static AnvilGuard launch(List<String> command, Path logFile) throws IOException {
    Path parent = logFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(logFile, new byte[0]);
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", SCRIPT, "payrelay-anvil-guard"));
    cmd.add(logFile.toString());
    cmd.addAll(command);
    Process guard =
        new ProcessBuilder(cmd)
            .redirectInput(Redirect.PIPE)
            .redirectOutput(Redirect.PIPE)
            .redirectError(Redirect.appendTo(logFile.toFile()))
            .start();
    String pidLine;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(guard.getInputStream(), StandardCharsets.UTF_8))) {
      pidLine = out.readLine(); // the guard prints nothing else, so closing stdout here is safe
    }
    if (pidLine == null || !pidLine.trim().matches("\\d+")) {
      guard.destroyForcibly();
      throw new IOException("the anvil guard (sh) printed no pid but: " + pidLine);
    }
    return new AnvilGuard(guard, Long.parseLong(pidLine.trim()));
  }

  long anvilPid() {
    return anvilPid;
  }

  long guardPid() {
    return guard.pid();
  }

  boolean anvilAlive() {
    return anvil != null && anvil.isAlive();
  }

  /** Closes the guard's stdin, waits (bounded) for both processes, then kills what is left. */
  void stop() {
    try {
      guard.getOutputStream().close();
    } catch (IOException e) {
      // The guard is gone already; the checks below still run.
    }
    boolean interrupted = false;
    try {
      if (!guard.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      kill();
    }
    if (anvilAlive()) {
      kill();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void kill() {
    if (anvil != null) {
      anvil.destroyForcibly();
    }
    guard.destroyForcibly();
    try {
      guard.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (anvil != null) {
        anvil.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Bounded wait only; the next isAlive() check reports the truth.
    }
  }
}
