package dev.payrelay.p2p.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check the other test classes rely on does see a leaked buffer. */
class NettyLeaksTest {

  @Test
  void reportsABufferThatWasNeverReleased() throws InterruptedException {
    NettyLeaks.forget();
    leakOne();

    assertThat(NettyLeaks.collect()).anySatisfy(leak -> assertThat(leak).contains("ByteBuf"));
    NettyLeaks.forget();
  }

  private static void leakOne() {
    ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(64);
    leaked.writeLong(42);
  }
}
