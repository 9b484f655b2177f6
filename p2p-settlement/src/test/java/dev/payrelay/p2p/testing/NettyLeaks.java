package dev.payrelay.p2p.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaked a Netty buffer. The build runs tests with {@code
 * -Dio.netty.leakDetection.level=paranoid}, so every buffer is tracked; Netty reports a buffer
 * collected without being released when the next buffer is allocated. After the class this collects
 * garbage, allocates buffers to flush the reports, and asserts none arrived.
 *
 * <p>Use with {@code @ExtendWith(NettyLeaks.class)}.
 */
public final class NettyLeaks implements BeforeAllCallback, AfterAllCallback {

  /** Collect-and-allocate rounds after the tests: reports need the collector, then a track. */
  private static final int FLUSH_ROUNDS = 5;

  private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

  static {
    ByteBufUtil.setLeakListener((type, records) -> LEAKS.add(type + ": " + records));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    assertThat(ResourceLeakDetector.getLevel())
        .as("tests must run with -Dio.netty.leakDetection.level=paranoid (see the root pom)")
        .isEqualTo(ResourceLeakDetector.Level.PARANOID);
    LEAKS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    assertThat(collect()).as("Netty buffers leaked by " + context.getDisplayName()).isEmpty();
  }

  /** Collects garbage, makes Netty report what it found, and returns every leak reported. */
  public static List<String> collect() throws InterruptedException {
    for (int round = 0; round < FLUSH_ROUNDS; round++) {
      System.gc();
      Thread.sleep(20);
      for (int i = 0; i < 64; i++) {
        ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(16);
        probe.release();
      }
    }
    return List.copyOf(LEAKS);
  }

  /** Forgets the leaks reported so far (for the test that leaks on purpose). */
  static void forget() {
    LEAKS.clear();
  }
}
