package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.payrelay.p2p.pubsub.MessageId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RpcCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Every field of the schema once, written out by hand from the protobuf encoding rules. */
  static final String GOLDEN_RPC_HEX =
      // subscriptions=1 {subscribe=1: true, topicid=2: "t"}
      "0a05"
          + "0801"
          + "120174"
          // publish=2 {from=1: 0102, data=2: "hi", seqno=3: 8 bytes, topic=4: "t", signature=5: aa}
          + "1218"
          + "0a020102"
          + "12026869"
          + "1a080000000000000001"
          + "220174"
          + "2a01aa"
          // control=3 (31 bytes)
          + "1a1f"
          // ihave=1 {topicID=1: "t", messageIDs=2: [01]}
          + "0a06"
          + "0a0174"
          + "120101"
          // iwant=2 {messageIDs=1: [0203]}
          + "1204"
          + "0a020203"
          // graft=3 {topicID=1: "t"}
          + "1a03"
          + "0a0174"
          // prune=4 {topicID=1: "t", peers=2: [{peerID=1: 05}], backoff=3: 60}
          + "220a"
          + "0a0174"
          + "12030a0105"
          + "183c";

  static Rpc goldenRpc() {
    RpcMessage message =
        new RpcMessage(
            new byte[] {1, 2},
            "hi".getBytes(),
            new byte[] {0, 0, 0, 0, 0, 0, 0, 1},
            "t",
            new byte[] {(byte) 0xaa},
            null);
    Rpc.Control control =
        new Rpc.Control(
            List.of(new Rpc.IHave("t", List.of(MessageId.of(new byte[] {1})))),
            List.of(new Rpc.IWant(List.of(MessageId.of(new byte[] {2, 3})))),
            List.of(new Rpc.Graft("t")),
            List.of(new Rpc.Prune("t", List.of(new Rpc.PeerInfo(new byte[] {5}, null)), 60L)));
    return new Rpc(List.of(new Rpc.SubOpts(true, "t")), List.of(message), control);
  }

  @Test
  void encodesEveryFieldAsTheGoldenBytes() {
    assertThat(HEX.formatHex(RpcCodec.encode(goldenRpc()))).isEqualTo(GOLDEN_RPC_HEX);
  }

  @Test
  void decodesTheGoldenBytes() {
    assertThat(RpcCodec.decode(HEX.parseHex(GOLDEN_RPC_HEX))).isEqualTo(goldenRpc());
  }

  @Test
  void framesWithAnUnsignedVarintLength() {
    byte[] body = HEX.parseHex(GOLDEN_RPC_HEX);
    assertThat(body).hasSize(0x42);
    assertThat(HEX.formatHex(RpcFrameDecoder.frame(body))).isEqualTo("42" + GOLDEN_RPC_HEX);
    assertThat(HEX.formatHex(RpcFrameDecoder.frame(new byte[300]))).startsWith("ac02");
  }

  @Test
  void skipsUnknownFieldsAtEveryLevel() {
    // RPC field 9 (varint), SubOpts field 7 (bytes), then a Message with field 15 (fixed32)
    byte[] bytes =
        HEX.parseHex("4801" + "0a08" + "0801" + "3a0101" + "120174" + "1205" + "7d01020304");
    Rpc rpc = RpcCodec.decode(bytes);
    assertThat(rpc.subscriptions()).containsExactly(new Rpc.SubOpts(true, "t"));
    assertThat(rpc.publish()).containsExactly(new RpcMessage(null, null, null, null, null, null));
  }

  @Test
  void mergesRepeatedControlFields() {
    byte[] bytes = HEX.parseHex("1a05" + "1a030a0161" + "1a05" + "1a030a0162");
    assertThat(RpcCodec.decode(bytes).control().graft())
        .containsExactly(new Rpc.Graft("a"), new Rpc.Graft("b"));
  }

  @Test
  void rejectsKnownFieldsWithTheWrongWireTypeAndInvalidStrings() {
    assertThatThrownBy(() -> RpcCodec.decode(HEX.parseHex("1001")))
        .isInstanceOf(RpcFormatException.class);
    assertThatThrownBy(() -> RpcCodec.decode(HEX.parseHex("0a03" + "1201ff")))
        .isInstanceOf(RpcFormatException.class)
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> RpcCodec.decode(HEX.parseHex("1a04" + "12020a00")))
        .isInstanceOf(RpcFormatException.class)
        .hasMessageContaining("empty message id");
  }

  @Test
  void rejectsABodyOverTheLimitBeforeReadingIt() {
    assertThatThrownBy(() -> RpcCodec.decode(new byte[2_000], 1_999))
        .isInstanceOf(RpcTooLargeException.class)
        .hasMessageContaining("2000 bytes is over the limit of 1999");
  }

  @Test
  void roundTripsRandomRpcs() {
    long seed = 0x6055_1BL;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      Rpc rpc = RandomRpcs.rpc(random);
      byte[] bytes = RpcCodec.encode(rpc);
      assertThat(RpcCodec.decode(bytes)).as("seed %d case %d", seed, i).isEqualTo(rpc);
    }
  }

  @Test
  void randomAndMutatedBytesOnlyEverThrowRpcFormatException() {
    long seed = 0xBAD_6055L;
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      byte[] valid = RpcCodec.encode(RandomRpcs.rpc(random));
      inputs.add(RandomRpcs.bytes(random, random.nextInt(200)));
      inputs.add(RandomRpcs.mutate(random, valid));
      inputs.add(java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1)));
    }
    for (int i = 0; i < inputs.size(); i++) {
      try {
        RpcCodec.decode(inputs.get(i));
      } catch (RpcFormatException expected) {
        // the one documented failure
      } catch (RuntimeException e) {
        fail(
            "seed " + seed + " input " + i + " " + HEX.formatHex(inputs.get(i)) + " threw " + e, e);
      }
    }
  }

  @Test
  void everyTruncationInsideTheGoldenMessageIsRejected() {
    byte[] golden = HEX.parseHex(GOLDEN_RPC_HEX);
    int publishStart = 7;
    int publishEnd = publishStart + 2 + 0x18;
    for (int cut = publishStart + 1; cut < publishEnd; cut++) {
      byte[] truncated = java.util.Arrays.copyOf(golden, cut);
      assertThatThrownBy(() -> RpcCodec.decode(truncated))
          .as("cut at %d", cut)
          .isInstanceOf(RpcFormatException.class);
    }
  }
}
