package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.p2p.interop.JsPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bulk throughput over one Noise + yamux stream between two PayRelay hosts, against a plain TCP
 * socket on loopback and against two js-libp2p peers (separate Node.js processes, the versions
 * pinned in tools/libp2p) doing the same transfer, all in the same rounds. Every transfer is
 * checked: the receiver's byte count must match.
 */
final class P2pBulkBench {

  /** Application write size on every side, in bytes. */
  static final int CHUNK_BYTES = 64 * 1024;

  /** The numbers of one run. */
  record Result(
      long bytes,
      int chunkBytes,
      String nodeVersion,
      Summary rawMibPerSecond,
      Summary javaMibPerSecond,
      Summary jsMibPerSecond,
      Summary javaToRaw,
      Summary javaToJs,
      Summary javaCpuMsPerMib,
      Summary jsCpuMsPerMib,
      Summary javaToJsCpu) {}

  private final BenchSettings settings;
  private final long bytes;

  P2pBulkBench(BenchSettings settings, long bytes) {
    this.settings = settings;
    this.bytes = bytes;
  }

  Result run() throws Exception {
    byte[] chunk = new byte[CHUNK_BYTES];
    new SplittableRandom(1).nextBytes(chunk);
    try (RawTcpBulk raw = RawTcpBulk.start();
        JavaBulk java = JavaBulk.start();
        JsPeer jsReceiver = JsPeer.start();
        JsPeer jsSender = JsPeer.start()) {
      List<Double> rawRates = new ArrayList<>();
      List<Double> javaRates = new ArrayList<>();
      List<Double> jsRates = new ArrayList<>();
      List<Double> javaCpu = new ArrayList<>();
      List<Double> jsCpu = new ArrayList<>();
      for (int round = -1; round < settings.rounds(); round++) {
        double[] seconds = new double[3];
        long[] cpuNanos = new long[3];
        for (int i = 0; i < 3; i++) {
          int which = Math.floorMod(round + i, 3); // rotate the order from round to round
          long cpuBefore = ProcessCpu.jvmNanos() + ProcessCpu.childrenNanos();
          seconds[which] =
              switch (which) {
                case 0 -> raw.send(bytes, chunk);
                case 1 -> java.send(bytes, chunk);
                default -> jsSend(jsSender, jsReceiver);
              };
          // Everything this JVM and the js peers spent: the idle side's share is small and the
          // same for both, so the difference is the stack under test (sender and receiver).
          cpuNanos[which] = ProcessCpu.jvmNanos() + ProcessCpu.childrenNanos() - cpuBefore;
        }
        if (round >= 0) {
          rawRates.add(mib() / seconds[0]);
          javaRates.add(mib() / seconds[1]);
          jsRates.add(mib() / seconds[2]);
          javaCpu.add(cpuNanos[1] / 1e6 / mib());
          jsCpu.add(cpuNanos[2] / 1e6 / mib());
        }
      }
      return new Result(
          bytes,
          CHUNK_BYTES,
          nodeVersion(jsSender),
          Summary.of(rawRates),
          Summary.of(javaRates),
          Summary.of(jsRates),
          Summary.ofRatios(javaRates, rawRates),
          Summary.ofRatios(javaRates, jsRates),
          Summary.of(javaCpu),
          Summary.of(jsCpu),
          Summary.ofRatios(jsCpu, javaCpu));
    }
  }

  private double jsSend(JsPeer sender, JsPeer receiver) {
    JsonNode result =
        sender.call(
            "bulk",
            Map.of(
                "addr",
                receiver.address().toString(),
                "bytes",
                bytes,
                "protocol",
                JavaBulk.DISCARD));
    long counted = Long.parseUnsignedLong(result.get("answer").asText(), 16);
    if (counted != bytes) {
      throw new IllegalStateException("the js receiver counted " + counted + " of " + bytes);
    }
    return result.get("seconds").asDouble();
  }

  private static String nodeVersion(JsPeer peer) {
    return peer.call("info", Map.of()).path("node").asText("node");
  }

  private double mib() {
    return bytes / (double) (1 << 20);
  }
}
