package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.core.ProtoWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseHandshakePayloadTest {

  private static final HexFormat HEX = HexFormat.of();
  // RFC 8032 §7.1 test 1 public key, wrapped in the PublicKey protobuf 08 01 12 20 || key.
  private static final byte[] IDENTITY_KEY =
      HEX.parseHex("08011220" + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final byte[] SIGNATURE = new byte[64];

  static {
    for (int i = 0; i < SIGNATURE.length; i++) {
      SIGNATURE[i] = (byte) i;
    }
  }

  @Test
  void encodesIdentityKeyAndSignatureAsFields1And2AndNoExtensions() {
    byte[] encoded =
        new NoiseHandshakePayload(IDENTITY_KEY, SIGNATURE, NoiseExtensions.NONE).encode();

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(HEX.parseHex("0a24")); // field 1, length-delimited, 36 bytes
    expected.writeBytes(IDENTITY_KEY);
    expected.writeBytes(HEX.parseHex("1240")); // field 2, length-delimited, 64 bytes
    expected.writeBytes(SIGNATURE);
    assertThat(encoded).isEqualTo(expected.toByteArray());
  }

  @Test
  void decodesTheStreamMuxersAJsPeerAdvertisesInExtensions() throws Exception {
    byte[] extensions =
        new ProtoWriter()
            .writeBytes(1, new byte[] {0x12, 0x20})
            .writeString(2, "/yamux/1.0.0")
            .toByteArray();
    byte[] encoded =
        new ProtoWriter()
            .writeBytes(1, IDENTITY_KEY)
            .writeBytes(2, SIGNATURE)
            .writeBytes(3, "legacy early data".getBytes(StandardCharsets.UTF_8))
            .writeBytes(4, extensions)
            .writeVarint(99, 7)
            .toByteArray();

    NoiseHandshakePayload payload = NoiseHandshakePayload.decode(encoded);

    assertThat(payload.identityKey()).isEqualTo(IDENTITY_KEY);
    assertThat(payload.identitySignature()).isEqualTo(SIGNATURE);
    assertThat(payload.extensions().streamMuxers()).containsExactly("/yamux/1.0.0");
    assertThat(payload.extensions().webtransportCerthashes())
        .containsExactly(new byte[] {0x12, 0x20});
    assertThat(payload.encode())
        .isEqualTo(
            new ProtoWriter()
                .writeBytes(1, IDENTITY_KEY)
                .writeBytes(2, SIGNATURE)
                .writeBytes(4, extensions)
                .toByteArray());
  }

  @Test
  void roundTrips() throws Exception {
    NoiseHandshakePayload payload =
        new NoiseHandshakePayload(
            IDENTITY_KEY,
            SIGNATURE,
            new NoiseExtensions(List.of(), List.of("/yamux/1.0.0", "/mplex/6.7.0")));
    assertThat(NoiseHandshakePayload.decode(payload.encode())).isEqualTo(payload);
  }

  @Test
  void aPayloadWithoutKeyOrSignatureIsRejected() {
    assertThatThrownBy(() -> NoiseHandshakePayload.decode(new byte[0]))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("no identity_key");
    assertThatThrownBy(
            () ->
                NoiseHandshakePayload.decode(
                    new ProtoWriter().writeBytes(1, IDENTITY_KEY).toByteArray()))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("no identity_sig");
  }

  @Test
  void malformedProtobufIsAHandshakeError() {
    assertThatThrownBy(() -> NoiseHandshakePayload.decode(HEX.parseHex("0a2408011220d75a")))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("malformed NoiseHandshakePayload");
    byte[] hugeKey =
        new ProtoWriter().writeBytes(1, new byte[2_000]).writeBytes(2, SIGNATURE).toByteArray();
    assertThatThrownBy(() -> NoiseHandshakePayload.decode(hugeKey))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("over the limit");
  }

  @Test
  void theSignedDataIsThePrefixThenTheStaticKey() {
    byte[] staticKey = new byte[32];
    staticKey[0] = 1;
    assertThat(NoiseHandshakePayload.signedData(staticKey))
        .startsWith("noise-libp2p-static-key:".getBytes(StandardCharsets.UTF_8))
        .endsWith(staticKey)
        .hasSize(24 + 32);
  }
}
