package dev.payrelay.wallet.devchain;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running anvil dev chain. {@link #start} returns once anvil answers {@code eth_chainId} with the
 * requested chain id; {@link #close} stops it. Anvil runs under a guard process (see {@link
 * AnvilGuard}) so it dies with this JVM even if the JVM is killed with SIGKILL; a shutdown hook
 * also closes it on a normal exit. Needs a POSIX {@code sh}.
 */
public final class Anvil implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Anvil.class);

  /** Attempts to start on a freshly picked free port, if another process grabs it first. */
  static final int PORT_ATTEMPTS = 3;

  /** Interval between readiness polls. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private final AnvilGuard guard;
  private final URI rpcUrl;
  private final long chainId;
  private final int port;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Anvil(AnvilGuard guard, URI rpcUrl, long chainId, int port) {
    this.guard = guard;
    this.rpcUrl = rpcUrl;
    this.chainId = chainId;
    this.port = port;
    this.shutdownHook = new Thread(this::close, "anvil-shutdown-" + guard.anvilPid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts anvil and waits until it is ready.
   *
   * @throws AnvilException if the binary is missing, or anvil exits or does not answer within the
   *     startup timeout; the message quotes the end of anvil's log
   */
  public static Anvil start(AnvilOptions options) {
    AnvilBinary.requireExecutable(options.binary());
    for (int attempt = 1; ; attempt++) {
      int port =
          options.port() != 0
              ? AnvilPorts.requireFree(options.host(), options.port())
              : AnvilPorts.free(options.host());
      try {
        return startOn(options, port);
      } catch (AnvilException e) {
        boolean retry =
            options.port() == 0
                && attempt < PORT_ATTEMPTS
                && AnvilLog.addressInUse(options.logFile());
        if (!retry) {
          throw e;
        }
        log.debug("anvil lost port {} to another process; retrying on another port", port);
      }
    }
  }

  /** The JSON-RPC endpoint, e.g. {@code http://127.0.0.1:34567}. */
  public URI rpcUrl() {
    return rpcUrl;
  }

  public long chainId() {
    return chainId;
  }

  public int port() {
    return port;
  }

  /** The process id of anvil itself (not of its guard). */
  public long pid() {
    return guard.anvilPid();
  }

  long guardPid() {
    return guard.guardPid();
  }

  /** Stops anvil (which then writes its state file, if any) and waits, bounded, for it to exit. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    guard.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: this may be the hook itself.
    }
    log.debug("anvil (pid {}) at {} stopped", pid(), rpcUrl);
  }

  private static Anvil startOn(AnvilOptions options, int port) {
    AnvilGuard guard;
    try {
      guard = AnvilGuard.launch(command(options, port), options.logFile());
    } catch (IOException e) {
      throw new AnvilException(
          AnvilLog.explain(
              "could not start anvil " + options.binary() + ": " + e, options.logFile()),
          e);
    }
    URI url = AnvilPorts.rpcUrl(options.host(), port);
    try {
      Optional<String> version = awaitReady(guard, new AnvilRpc(url), options);
      Anvil anvil = new Anvil(guard, url, options.chainId(), port);
      log.info(
          "anvil started: {} chain id {} pid {} ({}), log {}",
          url,
          options.chainId(),
          guard.anvilPid(),
          version.orElse("version unknown"),
          options.logFile());
      return anvil;
    } catch (InterruptedException e) {
      guard.stop();
      Thread.currentThread().interrupt();
      throw new AnvilException("interrupted while starting anvil", e);
    } catch (RuntimeException e) {
      guard.stop();
      throw e;
    }
  }

  private static Optional<String> awaitReady(AnvilGuard guard, AnvilRpc rpc, AnvilOptions options)
      throws InterruptedException {
    long deadline = System.nanoTime() + options.startupTimeout().toNanos();
    while (true) {
      boolean alive = guard.anvilAlive();
      Optional<Long> id = rpc.chainId();
      if (id.isPresent() && alive) {
        if (id.get() != options.chainId()) {
          throw new AnvilException(
              AnvilLog.explain(
                  "anvil answered with chain id " + id.get() + ", not " + options.chainId(),
                  options.logFile()));
        }
        return rpc.clientVersion();
      }
      if (!alive) {
        throw new AnvilException(
            AnvilLog.explain("anvil exited during startup", options.logFile()));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AnvilException(
            AnvilLog.explain(
                "anvil did not answer eth_chainId within " + options.startupTimeout(),
                options.logFile()));
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
  }

  static List<String> command(AnvilOptions options, int port) {
    List<String> cmd = new ArrayList<>();
    cmd.add(options.binary().toString());
    cmd.addAll(List.of("--host", options.host(), "--port", Integer.toString(port)));
    cmd.addAll(List.of("--chain-id", Long.toString(options.chainId())));
    cmd.addAll(List.of("--slots-in-an-epoch", Integer.toString(options.slotsInAnEpoch())));
    cmd.addAll(List.of("--color", "never"));
    options.blockTime().ifPresent(t -> cmd.addAll(List.of("--block-time", seconds(t))));
    options.stateFile().ifPresent(f -> cmd.addAll(List.of("--state", f.toString())));
    return cmd;
  }

  /** Anvil takes fractional seconds, e.g. {@code 0.5}. */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }
}
