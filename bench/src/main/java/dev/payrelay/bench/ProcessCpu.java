package dev.payrelay.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time spent by this JVM and by its child processes (the js-libp2p peers), from the kernel's
 * counters. On a machine shared with other builds a rate in wall time mostly measures how much of
 * the CPUs a process got; CPU time per unit of work does not depend on that.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /** CPU time of this JVM, all threads (GC and JIT included), in nanoseconds. */
  static long jvmNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the live descendant processes of this JVM, in nanoseconds. */
  static long childrenNanos() {
    return ProcessHandle.current()
        .descendants()
        .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos())
        .sum();
  }
}
