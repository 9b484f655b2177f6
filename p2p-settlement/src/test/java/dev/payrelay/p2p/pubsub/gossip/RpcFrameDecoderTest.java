package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.core.Varint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RpcFrameDecoderTest {

  @Test
  void yieldsTheSameFramesWhereverTheStreamIsSplit() {
    SplittableRandom random = new SplittableRandom(42);
    List<byte[]> bodies = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 20; i++) {
      byte[] body = RpcCodec.encode(RandomRpcs.rpc(random));
      bodies.add(body);
      stream.writeBytes(RpcFrameDecoder.frame(body));
    }
    stream.writeBytes(RpcFrameDecoder.frame(new byte[200])); // a 2-byte length prefix
    bodies.add(new byte[200]);
    byte[] all = stream.toByteArray();
    for (int split = 0; split <= all.length; split++) {
      RpcFrameDecoder decoder = new RpcFrameDecoder();
      List<byte[]> out = new ArrayList<>(decoder.feed(all, 0, split));
      out.addAll(decoder.feed(all, split, all.length - split));
      assertThat(out).as("split at %d", split).containsExactlyElementsOf(bodies);
      assertThat(decoder.bufferedBytes()).isZero();
    }
  }

  @Test
  void decodesByteByByte() {
    byte[] body = RpcCodec.encode(RpcCodecTest.goldenRpc());
    byte[] framed = RpcFrameDecoder.frame(body);
    RpcFrameDecoder decoder = new RpcFrameDecoder();
    List<byte[]> out = new ArrayList<>();
    for (byte b : framed) {
      out.addAll(decoder.feed(new byte[] {b}));
    }
    assertThat(out).containsExactly(body);
  }

  @Test
  void rejectsAnOversizedLengthAsSoonAsThePrefixIsComplete() {
    RpcFrameDecoder decoder = new RpcFrameDecoder();
    byte[] prefix = Varint.encode(RpcCodec.DEFAULT_MAX_RPC_BYTES + 1L);
    assertThatThrownBy(() -> decoder.feed(prefix))
        .isInstanceOfSatisfying(
            RpcTooLargeException.class,
            e -> {
              assertThat(e.announcedBytes()).isEqualTo(RpcCodec.DEFAULT_MAX_RPC_BYTES + 1L);
              assertThat(e.limitBytes()).isEqualTo(RpcCodec.DEFAULT_MAX_RPC_BYTES);
            });
    assertThat(decoder.bufferedBytes()).isZero();
    assertThatThrownBy(() -> decoder.feed(new byte[] {0})).isInstanceOf(RpcFormatException.class);
  }

  @Test
  void acceptsExactlyTheLimit() {
    RpcFrameDecoder decoder = new RpcFrameDecoder(1_024);
    assertThat(decoder.feed(RpcFrameDecoder.frame(new byte[1_024]))).hasSize(1);
    assertThatThrownBy(() -> new RpcFrameDecoder(1_024).feed(Varint.encode(1_025)))
        .isInstanceOf(RpcTooLargeException.class);
  }

  @Test
  void rejectsAHugeLengthWithoutAllocating() {
    RpcFrameDecoder decoder = new RpcFrameDecoder();
    assertThatThrownBy(() -> decoder.feed(Varint.encode(Long.MAX_VALUE)))
        .isInstanceOf(RpcTooLargeException.class);
  }

  @Test
  void rejectsMalformedPrefixes() {
    assertThatThrownBy(() -> new RpcFrameDecoder().feed(new byte[] {(byte) 0x80, 0x00}))
        .isInstanceOf(RpcFormatException.class)
        .hasMessageContaining("not minimally encoded");
    byte[] overlong = new byte[10];
    java.util.Arrays.fill(overlong, (byte) 0xff);
    assertThatThrownBy(() -> new RpcFrameDecoder().feed(overlong))
        .isInstanceOf(RpcFormatException.class)
        .hasMessageContaining("longer than 9 bytes");
  }

  @Test
  void keepsAnIncompleteFrameUntilTheRestArrives() {
    byte[] framed = RpcFrameDecoder.frame(new byte[] {1, 2, 3});
    RpcFrameDecoder decoder = new RpcFrameDecoder();
    assertThat(decoder.feed(framed, 0, 3)).isEmpty();
    assertThat(decoder.bufferedBytes()).isEqualTo(2);
    assertThat(decoder.feed(framed, 3, 1)).containsExactly(new byte[] {1, 2, 3});
  }

  @Test
  void randomStreamsOnlyEverThrowRpcFormatException() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      RpcFrameDecoder decoder = new RpcFrameDecoder(4_096);
      byte[] garbage = RandomRpcs.bytes(random, random.nextInt(64));
      try {
        for (byte[] body : decoder.feed(garbage)) {
          try {
            RpcCodec.decode(body);
          } catch (RpcFormatException expected) {
            // fine
          }
        }
      } catch (RpcFormatException expected) {
        // fine
      }
    }
  }
}
