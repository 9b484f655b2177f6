package dev.payrelay.bench;

import dev.payrelay.p2p.security.noise.NoiseAeads;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.crypto.AEADBadTagException;

/**
 * ChaCha20-Poly1305 throughput of the Noise transport: this project's own implementation against
 * the JDK's {@code ChaCha20-Poly1305}, sealing and opening 64 KiB messages, in the measuring
 * thread's CPU time (so that other load on the machine barely moves the figures). Each round runs
 * both, back to back, and the ratio own : JDK is taken within the round. The JVM's feature release
 * decides which one {@code CipherState} uses, and the report says which.
 */
final class AeadBench {

  /** Size of one message, in bytes: a Noise frame carries at most 65,535 bytes of ciphertext. */
  static final int MESSAGE_BYTES = 64 << 10;

  /** Data per measurement, in MiB. */
  static final int MIB_PER_MEASUREMENT = 256;

  /** Size of the Noise tag, in bytes. */
  private static final int TAG_BYTES = 16;

  private final int rounds;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final byte[] plaintext = new byte[MESSAGE_BYTES];
  private final byte[] sealed = new byte[MESSAGE_BYTES + TAG_BYTES];
  private final byte[] opened = new byte[MESSAGE_BYTES];
  private long sink;

  AeadBench(BenchSettings settings) {
    this.rounds = settings.rounds();
  }

  /** MiB/s of each implementation and direction, and the ratios, round by round. */
  record Result(
      Summary jdkSeal,
      Summary ownSeal,
      Summary jdkOpen,
      Summary ownOpen,
      Summary sealRatio,
      Summary openRatio,
      String chosen) {}

  Result run() throws AEADBadTagException {
    Random random = new Random(8439);
    byte[] key = new byte[32];
    random.nextBytes(key);
    random.nextBytes(plaintext);
    NoiseAeads.Aead jdk = NoiseAeads.jdk(key);
    NoiseAeads.Aead own = NoiseAeads.pureJava(key);
    checkAgreement(jdk, own);
    List<Double> jdkSeal = new ArrayList<>();
    List<Double> ownSeal = new ArrayList<>();
    List<Double> jdkOpen = new ArrayList<>();
    List<Double> ownOpen = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) { // round 0 is the warm-up
      double js = seal(jdk);
      double os = seal(own);
      double jo = open(jdk);
      double oo = open(own);
      if (round > 0) {
        jdkSeal.add(js);
        ownSeal.add(os);
        jdkOpen.add(jo);
        ownOpen.add(oo);
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the results alive for the JIT
    }
    return new Result(
        Summary.of(jdkSeal),
        Summary.of(ownSeal),
        Summary.of(jdkOpen),
        Summary.of(ownOpen),
        Summary.ofRatios(ownSeal, jdkSeal),
        Summary.ofRatios(ownOpen, jdkOpen),
        NoiseAeads.chosenFor(Runtime.version().feature()));
  }

  /**
   * Both seal the same message identically and open each other's: else the figures mean nothing.
   */
  private void checkAgreement(NoiseAeads.Aead jdk, NoiseAeads.Aead own) throws AEADBadTagException {
    byte[] other = new byte[sealed.length];
    jdk.seal(7, plaintext, MESSAGE_BYTES, sealed);
    own.seal(7, plaintext, MESSAGE_BYTES, other);
    if (!Arrays.equals(sealed, other)) {
      throw new IllegalStateException("the two ChaCha20-Poly1305 implementations disagree");
    }
    own.open(7, sealed, sealed.length, opened);
    if (!Arrays.equals(opened, plaintext)) {
      throw new IllegalStateException("the own ChaCha20-Poly1305 does not open the JDK's message");
    }
  }

  private double seal(NoiseAeads.Aead aead) {
    int messages = (MIB_PER_MEASUREMENT << 20) / MESSAGE_BYTES;
    long start = threads.getCurrentThreadCpuTime();
    for (int n = 0; n < messages; n++) {
      aead.seal(n, plaintext, MESSAGE_BYTES, sealed);
      sink += sealed[n & 0xff];
    }
    return mibPerSecond(threads.getCurrentThreadCpuTime() - start);
  }

  private double open(NoiseAeads.Aead aead) throws AEADBadTagException {
    int messages = (MIB_PER_MEASUREMENT << 20) / MESSAGE_BYTES;
    aead.seal(1, plaintext, MESSAGE_BYTES, sealed);
    long start = threads.getCurrentThreadCpuTime();
    for (int n = 0; n < messages; n++) {
      aead.open(1, sealed, sealed.length, opened); // the same message: opening never changes it
      sink += opened[n & 0xff];
    }
    return mibPerSecond(threads.getCurrentThreadCpuTime() - start);
  }

  private static double mibPerSecond(long cpuNanos) {
    return MIB_PER_MEASUREMENT / (cpuNanos / 1e9);
  }

  /** Prints the result as the other benchmarks do. */
  static void print(Result r, PrintStream out) {
    out.println();
    out.printf(
        "ChaCha20-Poly1305, %d KiB Noise messages, %d MiB per measurement, thread CPU time%n",
        MESSAGE_BYTES >> 10, MIB_PER_MEASUREMENT);
    out.printf("  baseline: JDK seal    %s MiB/s%n", r.jdkSeal().format("%,.0f"));
    out.printf("  own seal              %s MiB/s%n", r.ownSeal().format("%,.0f"));
    out.printf("  baseline: JDK open    %s MiB/s%n", r.jdkOpen().format("%,.0f"));
    out.printf("  own open              %s MiB/s%n", r.ownOpen().format("%,.0f"));
    out.printf("  ratio own : JDK, seal %s%n", r.sealRatio().format("%.2f"));
    out.printf("  ratio own : JDK, open %s%n", r.openRatio().format("%.2f"));
    out.printf("  CipherState uses on Java %d: %s%n", Runtime.version().feature(), r.chosen());
  }
}
