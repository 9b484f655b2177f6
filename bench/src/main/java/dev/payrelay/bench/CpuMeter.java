package dev.payrelay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU time of a measurement goes, on Linux: the JVM's threads by role (this JVM runs the
 * node, its R2DBC driver and the clients alike), the JVM's own work (GC, JIT) and the node's
 * PostgreSQL processes, each from the kernel's counters; and the rest of the machine (anvil, other
 * processes) as the remainder of all CPUs' busy time. Differences of two {@link #snapshot}s.
 */
final class CpuMeter {

  /** The parts CPU time is split into, in report order. */
  enum Part {
    POSTGRES("PostgreSQL"),
    HTTP_SERVER("node: HTTP server threads (reactor-http)"),
    DB_DRIVER("node: R2DBC driver threads (reactor-tcp)"),
    NODE_OTHER("node: other threads"),
    JVM("JVM: GC, JIT, threads since ended"),
    CLIENTS("clients: bench threads, java.net.http, JDBC"),
    REST("rest of the machine (anvil, other processes)");

    final String label;

    Part(String label) {
      this.label = label;
    }
  }

  /** Kernel clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
  private static final double TICK_NANOS = 1e9 / 100;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path postmasterPid;

  CpuMeter(Path postgresCluster) {
    this.postmasterPid = postgresCluster.resolve("postmaster.pid");
  }

  /**
   * CPU nanoseconds so far: of each live JVM thread (by id, with its part), of the whole JVM
   * process, of PostgreSQL and of the machine.
   */
  record Snapshot(
      Map<Long, Long> threadNanos,
      Map<Long, Part> threadParts,
      long processNanos,
      long postgresNanos,
      long machineNanos) {}

  Snapshot snapshot() {
    Map<Long, Long> nanos = new HashMap<>();
    Map<Long, Part> parts = new HashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      long cpu = t == null ? -1 : threads.getThreadCpuTime(t.getThreadId());
      if (cpu >= 0) {
        nanos.put(t.getThreadId(), cpu);
        parts.put(t.getThreadId(), part(t.getThreadName()));
      }
    }
    return new Snapshot(nanos, parts, os.getProcessCpuTime(), postgresNanos(), machineBusyNanos());
  }

  /**
   * CPU nanoseconds spent between two snapshots, by part. A thread that ended in between is not
   * seen at the end, so its time counts under {@link Part#JVM}, with GC and JIT; {@link Part#REST}
   * holds the machine's busy time until {@link #millisPerOp} subtracts the other parts.
   */
  static Map<Part, Long> used(Snapshot before, Snapshot after) {
    Map<Part, Long> used = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      used.put(p, 0L);
    }
    long threadsTotal = 0;
    for (Map.Entry<Long, Long> t : after.threadNanos().entrySet()) {
      long spent = t.getValue() - before.threadNanos().getOrDefault(t.getKey(), 0L);
      used.merge(after.threadParts().get(t.getKey()), spent, Long::sum);
      threadsTotal += spent;
    }
    used.put(Part.JVM, after.processNanos() - before.processNanos() - threadsTotal);
    used.put(Part.POSTGRES, after.postgresNanos() - before.postgresNanos());
    used.put(Part.REST, after.machineNanos() - before.machineNanos());
    return used;
  }

  /**
   * CPU milliseconds per operation of {@code used} (sums of {@link #used}) over {@code ops}
   * operations; {@link Part#REST} becomes what the machine spent beyond the other parts.
   */
  static Map<Part, Double> millisPerOp(Map<Part, Long> used, long ops) {
    Map<Part, Double> per = new EnumMap<>(Part.class);
    long accounted = 0;
    for (Part p : Part.values()) {
      if (p != Part.REST) {
        accounted += used.get(p);
        per.put(p, used.get(p) / 1e6 / ops);
      }
    }
    per.put(Part.REST, Math.max(0, used.get(Part.REST) - accounted) / 1e6 / ops);
    return per;
  }

  private static Part part(String thread) {
    if (thread.startsWith(ClosedLoop.THREAD_PREFIX) || thread.startsWith("HttpClient-")) {
      return Part.CLIENTS;
    }
    if (thread.startsWith("reactor-http-")) {
      return Part.HTTP_SERVER;
    }
    if (thread.startsWith("reactor-tcp-")) {
      return Part.DB_DRIVER;
    }
    return Part.NODE_OTHER;
  }

  /** The postmaster's time and its dead children's, plus its live children's (the backends). */
  private long postgresNanos() {
    try {
      long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
      long[] postmaster = stat(pid);
      long ticks = postmaster[0] + postmaster[1] + postmaster[2] + postmaster[3];
      for (ProcessHandle child : ProcessHandle.of(pid).orElseThrow().descendants().toList()) {
        long[] s = stat(child.pid());
        ticks += s[0] + s[1];
      }
      return (long) (ticks * TICK_NANOS);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read PostgreSQL's CPU time from /proc", e);
    }
  }

  /** utime, stime, cutime, cstime of {@code pid} in ticks; zeros if it has just ended. */
  private static long[] stat(long pid) throws IOException {
    String line;
    try {
      line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (java.nio.file.NoSuchFileException e) {
      return new long[4];
    }
    // Fields after the command's closing parenthesis, from field 3 (state): utime is field 14.
    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    return new long[] {
      Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
    };
  }

  /** All CPUs' busy time (user, nice, system, irq, softirq, steal) from {@code /proc/stat}. */
  private static long machineBusyNanos() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] f = lines.get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[i]);
      }
      return (long) (busy * TICK_NANOS);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the machine's CPU time from /proc/stat", e);
    }
  }
}
