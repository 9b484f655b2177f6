package dev.payrelay.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The share of wall time the JIT spent compiling since the last {@link #share()}: the JVM's
 * accumulated compilation time (over its compiler threads) against the time elapsed.
 */
final class JitClock {

  private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
  private long compiledMillis = compiler.getTotalCompilationTime();
  private long startNanos = System.nanoTime();

  /** Compilation time ÷ wall time since the previous call (or since this was made). */
  double share() {
    long compiled = compiler.getTotalCompilationTime();
    long now = System.nanoTime();
    double share = (compiled - compiledMillis) / ((now - startNanos) / 1e6);
    compiledMillis = compiled;
    startNanos = now;
    return share;
  }
}
