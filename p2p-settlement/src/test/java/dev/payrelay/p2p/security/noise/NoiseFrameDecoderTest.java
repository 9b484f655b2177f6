package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseFrameDecoderTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 20_240_601})
  void reassemblesFramesFedInRandomChunkSizes(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      int size = pickSize(random);
      byte[] body = new byte[size];
      random.nextBytes(body);
      bodies.add(body);
      wire.writeBytes(NoiseFrames.frame(body));
    }
    byte[] bytes = wire.toByteArray();

    NoiseFrameDecoder decoder = new NoiseFrameDecoder();
    List<byte[]> decoded = new ArrayList<>();
    int position = 0;
    while (position < bytes.length) {
      // Mostly small reads (a frame split over many), sometimes huge ones (many frames at once).
      int chunk = random.nextInt(4) == 0 ? random.nextInt(1, 200_000) : random.nextInt(1, 40);
      chunk = Math.min(chunk, bytes.length - position);
      decoded.addAll(decoder.feed(bytes, position, chunk));
      position += chunk;
    }

    assertThat(decoded).hasSameSizeAs(bodies);
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(decoded.get(i)).as("frame %d", i).isEqualTo(bodies.get(i));
    }
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void returnsSeveralFramesFromOneReadAndKeepsAPartialOne() throws Exception {
    byte[] a = NoiseFrames.frame(filled(16, 1));
    byte[] b = NoiseFrames.frame(filled(20, 2));
    byte[] c = NoiseFrames.frame(filled(30, 3));
    byte[] wire = concat(a, b, c);
    NoiseFrameDecoder decoder = new NoiseFrameDecoder();

    List<byte[]> first = decoder.feed(wire, 0, a.length + b.length + 1);

    assertThat(first).containsExactly(filled(16, 1), filled(20, 2));
    assertThat(decoder.bufferedBytes()).isEqualTo(1);
    assertThat(decoder.feed(wire, a.length + b.length + 1, c.length - 1))
        .containsExactly(filled(30, 3));
  }

  @Test
  void handlesTheLargestFrameByteByByte() throws Exception {
    byte[] body = filled(65_535, 9);
    byte[] wire = NoiseFrames.frame(body);
    NoiseFrameDecoder decoder = new NoiseFrameDecoder();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < wire.length; i++) {
      out.addAll(decoder.feed(wire, i, 1));
    }
    assertThat(out).containsExactly(body);
  }

  @Test
  void rejectsALengthPrefixOverTheLimitAndThenRefusesInput() throws Exception {
    NoiseFrameDecoder decoder = new NoiseFrameDecoder(1_024);

    assertThatThrownBy(() -> decoder.feed(new byte[] {0x04, 0x01}))
        .isInstanceOf(NoiseFrameException.class)
        .hasMessageContaining("length prefix says 1025 bytes, outside 16..1024");
    assertThatThrownBy(() -> decoder.feed(new byte[] {0x00}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsALengthPrefixTooShortForTheTag() {
    assertThatThrownBy(() -> new NoiseFrameDecoder().feed(new byte[] {0x00, 0x0f}))
        .isInstanceOf(NoiseFrameException.class)
        .hasMessageContaining("says 15 bytes, outside 16..65535");
    assertThatThrownBy(() -> new NoiseFrameDecoder().feed(new byte[] {0x00, 0x00}))
        .isInstanceOf(NoiseFrameException.class);
  }

  @Test
  void aLimitAboveWhatTwoBytesCanSayIsRefused() {
    assertThatThrownBy(() -> new NoiseFrameDecoder(65_536))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int pickSize(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> NoiseFrameDecoder.MIN_FRAME_BYTES;
      case 1 -> NoiseFrames.MAX_FRAME_BYTES;
      case 2 -> random.nextInt(NoiseFrameDecoder.MIN_FRAME_BYTES, NoiseFrames.MAX_FRAME_BYTES + 1);
      default -> random.nextInt(NoiseFrameDecoder.MIN_FRAME_BYTES, 300);
    };
  }

  private static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
