package dev.payrelay.p2p.mux.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamuxFrameCodecTest {

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Test
  void encodesGoldenHeaders() {
    assertThat(YamuxFrameCodec.encode(YamuxFrame.windowUpdate(1, YamuxFrame.FLAG_SYN, 0)))
        .containsExactly(hex("00 01 0001 00000001 00000000"));
    assertThat(
            YamuxFrameCodec.encode(YamuxFrame.data(3, YamuxFrame.FLAG_FIN, new byte[] {'h', 'i'})))
        .containsExactly(hex("00 00 0004 00000003 00000002 6869"));
    assertThat(YamuxFrameCodec.encode(YamuxFrame.ping(YamuxFrame.FLAG_ACK, 0xcafebabeL)))
        .containsExactly(hex("00 02 0002 00000000 cafebabe"));
    assertThat(YamuxFrameCodec.encode(YamuxFrame.goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR)))
        .containsExactly(hex("00 03 0000 00000000 00000001"));
    assertThat(YamuxFrameCodec.encode(YamuxFrame.windowUpdate(-2, YamuxFrame.FLAG_RST, 0x40000L)))
        .containsExactly(hex("00 01 0008 fffffffe 00040000"));
  }

  @Test
  void decodesGoldenBytesWithUnsignedFields() throws Exception {
    List<YamuxFrame> frames =
        new YamuxFrameCodec()
            .decode(hex("00 01 0003 ffffffff ffffffff 00 00 0000 00000002 00000000"));

    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).type()).isEqualTo(YamuxFrameType.WINDOW_UPDATE);
    assertThat(frames.get(0).flags()).isEqualTo(YamuxFrame.FLAG_SYN | YamuxFrame.FLAG_ACK);
    assertThat(Integer.toUnsignedLong(frames.get(0).streamId())).isEqualTo(0xffffffffL);
    assertThat(frames.get(0).length()).isEqualTo(0xffffffffL);
    assertThat(frames.get(1).payload()).isEmpty();
  }

  @Test
  void roundTripsRandomFramesThroughRandomChunks() throws Exception {
    SplittableRandom random = new SplittableRandom(42L);
    for (int round = 0; round < 200; round++) {
      List<YamuxFrame> frames = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(20); i++) {
        frames.add(randomFrame(random));
      }
      byte[] wire = YamuxFrameCodec.encodeAll(frames);
      YamuxFrameCodec codec = new YamuxFrameCodec();
      List<YamuxFrame> decoded = new ArrayList<>();
      int pos = 0;
      while (pos < wire.length) {
        int n = Math.min(wire.length - pos, 1 + random.nextInt(round % 3 == 0 ? 3 : 5_000));
        decoded.addAll(codec.decode(java.util.Arrays.copyOfRange(wire, pos, pos + n)));
        pos += n;
      }

      assertThat(decoded).hasSameSizeAs(frames);
      for (int i = 0; i < frames.size(); i++) {
        assertThat(decoded.get(i).toString()).isEqualTo(frames.get(i).toString());
        assertThat(decoded.get(i).payload()).containsExactly(frames.get(i).payload());
      }
    }
  }

  private static YamuxFrame randomFrame(SplittableRandom random) {
    int flags = random.nextInt(16);
    int streamId = random.nextInt();
    switch (random.nextInt(4)) {
      case 0:
        byte[] payload = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(10_000)];
        random.nextBytes(payload);
        return YamuxFrame.data(streamId, flags, payload);
      case 1:
        return YamuxFrame.windowUpdate(streamId, flags, random.nextLong(0x1_0000_0000L));
      case 2:
        return YamuxFrame.ping(flags, random.nextLong(0x1_0000_0000L));
      default:
        return YamuxFrame.goAway(random.nextInt(3));
    }
  }

  @Test
  void rejectsAVersionOtherThanZero() {
    assertThatThrownBy(() -> new YamuxFrameCodec().decode(hex("01 00 0000 00000001 00000000")))
        .isInstanceOf(YamuxProtocolException.class)
        .hasMessageContaining("version 1");
  }

  @Test
  void rejectsAnUnknownType() {
    assertThatThrownBy(() -> new YamuxFrameCodec().decode(hex("00 04 0000 00000001 00000000")))
        .isInstanceOf(YamuxProtocolException.class)
        .hasMessageContaining("type 4");
  }

  @ParameterizedTest
  @ValueSource(
      ints = {YamuxFrameCodec.MAX_FRAME_PAYLOAD_BYTES, YamuxFrameCodec.MAX_FRAME_PAYLOAD_BYTES + 1})
  void acceptsDataFramesUpToTheLimitAndRejectsTheHeaderOfALargerOne(int length) throws Exception {
    YamuxFrameCodec codec = new YamuxFrameCodec();
    byte[] header = YamuxFrameCodec.encode(YamuxFrame.windowUpdate(1, 0, length));
    header[1] = 0; // turn it into a data header announcing `length` bytes

    if (length <= YamuxFrameCodec.MAX_FRAME_PAYLOAD_BYTES) {
      assertThat(codec.decode(header)).isEmpty();
      assertThat(codec.decode(new byte[length]))
          .singleElement()
          .extracting(f -> f.payload().length)
          .isEqualTo(length);
    } else {
      assertThatThrownBy(() -> codec.decode(header)).isInstanceOf(YamuxProtocolException.class);
    }
  }
}
