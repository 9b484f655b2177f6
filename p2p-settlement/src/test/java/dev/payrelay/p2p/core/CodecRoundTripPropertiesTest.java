package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property-style round trips over seeded random inputs: a failure names the seed and iteration, so
 * it replays exactly.
 */
class CodecRoundTripPropertiesTest {
  private static final long SEED = 0x5EED_C0DEL;
  private static final int ITERATIONS = 5_000;

  @Test
  void varintsRoundTripAndTakeTheLengthTheyAnnounce() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      long value = RandomValues.varintValue(random);
      byte[] encoded = Varint.encode(value);
      assertThat(encoded)
          .as("iteration %d, value %d", i, value)
          .hasSize(Varint.encodedLength(value));
      assertThat(Varint.decodeExactly(encoded)).isEqualTo(value);
      ByteBuffer buffer = ByteBuffer.allocate(encoded.length + 1);
      Varint.write(value, buffer);
      buffer.flip();
      assertThat(Varint.decode(buffer)).hasValue(value);
      ByteBuffer partial = ByteBuffer.wrap(encoded, 0, encoded.length - 1);
      assertThat(Varint.decode(partial)).isEmpty();
    }
  }

  @Test
  void base58AndBase32RoundTripArbitraryBytesIncludingLeadingZeros() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] bytes = RandomValues.bytesWithLeadingZeros(random, 48);
      assertThat(Base58.decode(Base58.encode(bytes))).as("iteration %d", i).isEqualTo(bytes);
      assertThat(Base32.decode(Base32.encode(bytes))).as("iteration %d", i).isEqualTo(bytes);
    }
  }

  @Test
  void protobufMessagesRoundTripFieldByField() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      int fields = random.nextInt(6);
      long[] numbers = new long[fields];
      byte[][] payloads = new byte[fields][];
      ProtoWriter writer = new ProtoWriter();
      for (int f = 0; f < fields; f++) {
        if (random.nextBoolean()) {
          numbers[f] = random.nextLong();
          writer.writeVarint(f + 1, numbers[f]);
        } else {
          payloads[f] = RandomValues.bytes(random, random.nextInt(300));
          writer.writeBytes(f + 1, payloads[f]);
        }
      }
      ProtoReader reader = new ProtoReader(writer.toByteArray());
      for (int f = 0; f < fields; f++) {
        assertThat(reader.next()).isTrue();
        assertThat(reader.fieldNumber()).isEqualTo(f + 1);
        if (payloads[f] == null) {
          assertThat(reader.readVarint()).as("iteration %d field %d", i, f).isEqualTo(numbers[f]);
        } else {
          assertThat(reader.readBytes()).as("iteration %d field %d", i, f).isEqualTo(payloads[f]);
        }
      }
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void multiaddrsRoundTripThroughTextAndBinary() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      Multiaddr address = RandomValues.multiaddr(random);
      String text = address.toString();
      byte[] bytes = address.toBytes();
      Multiaddr fromText = Multiaddr.parse(text);
      Multiaddr fromBytes = Multiaddr.fromBytes(bytes);
      assertThat(fromText).as("iteration %d: %s", i, text).isEqualTo(address);
      assertThat(fromBytes).as("iteration %d: %s", i, text).isEqualTo(address);
      assertThat(fromText.toString()).isEqualTo(text);
      assertThat(fromBytes.toBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void peerIdsRoundTripThroughBase58CidAndBytes() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 500; i++) {
      PeerId id = RandomValues.peerId(random);
      assertThat(PeerId.parse(id.toBase58())).as("iteration %d", i).isEqualTo(id);
      assertThat(PeerId.parse(id.toCid())).as("iteration %d", i).isEqualTo(id);
      assertThat(PeerId.fromBytes(id.toBytes())).isEqualTo(id);
    }
  }

  @Test
  void ed25519KeysFromRandomSeedsRoundTripThroughTheirPrivateKeyProtobuf() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 200; i++) {
      Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(RandomValues.bytes(random, 32));
      Ed25519KeyPair loaded = Ed25519KeyPair.unmarshalPrivateKey(pair.marshalPrivateKey());
      assertThat(loaded.publicKey()).isEqualTo(pair.publicKey());
      byte[] message = RandomValues.bytes(random, random.nextInt(100));
      assertThat(pair.publicKey().verify(message, loaded.sign(message))).isTrue();
      assertThat(PublicKey.unmarshal(pair.publicKey().marshal())).isEqualTo(pair.publicKey());
      assertThat(pair.peerId().extractPublicKey()).contains(pair.publicKey());
    }
  }
}
