package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated input fed to every decoder: each may accept it or throw its one documented
 * exception, and nothing else (no index errors, no arithmetic errors, no other exception types).
 */
class GarbageInputTest {
  private static final long SEED = 0xBAD_1DEAL;
  private static final int ITERATIONS = 20_000;
  private static final String TEXT_ALPHABET =
      "/ip4ip6tcpdns46p2pfs0123456789abcdefABCDEF.:QmzZb12D3KooW-_% \u00e9\u0000";

  @Test
  void varintDecodersThrowOnlyVarintExceptions() {
    forEachGarbageBytes(
        VarintException.class,
        bytes -> {
          Varint.decode(bytes, 0);
          Varint.decodeExactly(bytes);
        });
    forEachGarbageBytes(VarintException.class, bytes -> Varint.decode(ByteBuffer.wrap(bytes)));
  }

  @Test
  void protoReaderThrowsOnlyProtobufExceptions() {
    forEachGarbageBytes(
        ProtobufException.class,
        bytes -> {
          ProtoReader reader = new ProtoReader(bytes);
          while (reader.next()) {
            switch (reader.wireType()) {
              case 0 -> reader.readVarint();
              case 2 -> {
                if (reader.fieldNumber() % 2 == 0) {
                  reader.readString(1_000);
                } else {
                  ProtoReader inner = reader.readMessage(1_000);
                  while (inner.next()) {
                    inner.skip();
                  }
                }
              }
              default -> reader.skip();
            }
          }
        });
  }

  @Test
  void keyDecodersThrowOnlyKeyFormatExceptions() {
    forEachGarbageBytes(KeyFormatException.class, PublicKey::unmarshal);
    forEachGarbageBytes(KeyFormatException.class, PrivateKey::unmarshal);
    forEachGarbageBytes(KeyFormatException.class, Ed25519KeyPair::unmarshalPrivateKey);
  }

  @Test
  void peerIdDecodersThrowOnlyPeerIdExceptions() {
    forEachGarbageBytes(PeerIdException.class, PeerId::fromBytes);
    forEachGarbageText(PeerIdException.class, PeerId::parse);
  }

  @Test
  void multiaddrDecodersThrowOnlyMultiaddrExceptions() {
    forEachGarbageBytes(MultiaddrException.class, Multiaddr::fromBytes);
    forEachGarbageText(MultiaddrException.class, Multiaddr::parse);
  }

  @Test
  void base58DecoderThrowsOnlyBaseEncodingExceptions() {
    forEachGarbageText(BaseEncodingException.class, Base58::decode);
    forEachGarbageText(BaseEncodingException.class, Base32::decode);
  }

  /** Random bytes, and valid encodings with bytes flipped, cut off or appended. */
  private static void forEachGarbageBytes(
      Class<? extends RuntimeException> documented, Consumer<byte[]> decoder) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<byte[]> valid =
        List.of(
            Golden.hex(
                "0401020304060fa1a503260024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"),
            Golden.hex("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"),
            Golden.hex(Golden.lines("ed25519-private-key.hex").get(0)),
            Golden.hex(
                "0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"),
            Golden.hex(
                "a503221220d52ebb89d85b02a284948203a62ff28389c57c9f42beec4ec20db76a68911c0b"),
            Golden.hex("360b6578616d706c652e636f6d0601bb"));
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input;
      if (random.nextBoolean()) {
        input = RandomValues.bytes(random, random.nextInt(80));
      } else {
        input = mutate(random, valid.get(random.nextInt(valid.size())));
      }
      runExpecting(documented, decoder, input, i, Golden.hex(input));
    }
  }

  private static void forEachGarbageText(
      Class<? extends RuntimeException> documented, Consumer<String> decoder) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> valid =
        List.of(
            "/ip4/1.2.3.4/tcp/4001/p2p/12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq",
            "/ip6/2001:db8::1/tcp/80",
            "/dns4/example.com/tcp/443",
            "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N",
            "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe");
    for (int i = 0; i < ITERATIONS; i++) {
      String input;
      if (random.nextBoolean()) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int c = 0; c < length; c++) {
          text.append(TEXT_ALPHABET.charAt(random.nextInt(TEXT_ALPHABET.length())));
        }
        input = text.toString();
      } else {
        StringBuilder text = new StringBuilder(valid.get(random.nextInt(valid.size())));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
          int at = random.nextInt(text.length());
          switch (random.nextInt(3)) {
            case 0 ->
                text.setCharAt(at, TEXT_ALPHABET.charAt(random.nextInt(TEXT_ALPHABET.length())));
            case 1 -> text.deleteCharAt(at);
            default ->
                text.insert(at, TEXT_ALPHABET.charAt(random.nextInt(TEXT_ALPHABET.length())));
          }
        }
        input = text.toString();
      }
      runExpecting(documented, decoder, input, i, input);
    }
  }

  private static byte[] mutate(SplittableRandom random, byte[] valid) {
    byte[] out;
    switch (random.nextInt(3)) {
      case 0 -> {
        out = valid.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> out = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
      default -> {
        out = java.util.Arrays.copyOf(valid, valid.length + 1 + random.nextInt(4));
        for (int k = valid.length; k < out.length; k++) {
          out[k] = (byte) random.nextInt(256);
        }
      }
    }
    return out;
  }

  private static <T> void runExpecting(
      Class<? extends RuntimeException> documented,
      Consumer<T> decoder,
      T input,
      int iteration,
      String shown) {
    try {
      decoder.accept(input);
    } catch (RuntimeException e) {
      assertThat(e)
          .as("iteration %d, input %s", iteration, shown)
          .isInstanceOf(documented)
          .hasMessageNotContaining("null");
    }
  }
}
