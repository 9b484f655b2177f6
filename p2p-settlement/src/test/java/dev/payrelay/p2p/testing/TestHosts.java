package dev.payrelay.p2p.testing;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Starts real hosts on loopback for tests, and waits on their futures with a bound. */
public final class TestHosts {

  /** How long a test waits for any one network step. */
  public static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  public static final Multiaddr LOOPBACK_ANY_PORT = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  private TestHosts() {}

  /** A started host with default settings listening on a free loopback port. */
  public static SwarmHost started() {
    return started(SwarmConfig.defaults(Ed25519KeyPair.generate(), LOOPBACK_ANY_PORT));
  }

  public static SwarmHost started(SwarmConfig config) {
    SwarmHost host = SwarmHost.create(config);
    await(host.start());
    return host;
  }

  /** The host's first listen address with its {@code /p2p/} id. */
  public static Multiaddr dialable(SwarmHost host) {
    return host.listenAddresses().get(0).withPeerId(host.peerId());
  }

  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("future failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + STEP_TIMEOUT, e);
    }
  }

  /** The failure of a future that must fail within the step timeout. */
  public static Throwable failureOf(CompletableFuture<?> future) {
    try {
      future.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("neither success nor failure within " + STEP_TIMEOUT, e);
    }
    throw new AssertionError("expected the future to fail, but it succeeded");
  }

  /** Polls {@code condition} every 10 ms until true, failing after the step timeout. */
  public static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + STEP_TIMEOUT + ": " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
