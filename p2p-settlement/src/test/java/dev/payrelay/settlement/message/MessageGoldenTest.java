package dev.payrelay.settlement.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wire bytes of fixed messages, against {@value #GOLDEN}: a change of encoding breaks every
 * deployed node's message ids and signatures, so it must show up here. Ed25519 signatures are
 * deterministic (RFC 8032), so signed messages have golden bytes too.
 */
class MessageGoldenTest {
  static final String GOLDEN = "/settlement/message/golden.tsv";

  @Test
  void encodesEveryMessageAsTheGoldenBytes() throws IOException {
    Map<String, String> golden = golden();
    Map<String, byte[]> actual = actual();

    assertThat(actual.keySet()).containsExactlyElementsOf(golden.keySet());
    actual.forEach(
        (name, bytes) ->
            assertThat(HexFormat.of().formatHex(bytes)).as(name).isEqualTo(golden.get(name)));
  }

  @Test
  void decodesTheGoldenBytesBackToTheSameMessages() throws IOException {
    Map<String, String> golden = golden();
    HexFormat hex = HexFormat.of();

    assertThat(PaymentProofMessage.decode(hex.parseHex(golden.get("proof"))))
        .isEqualTo(Messages.proof());
    SettlementReceipt receipt = SettlementReceipt.decode(hex.parseHex(golden.get("receipt")));
    assertThat(receipt).isEqualTo(Messages.receipt());
    assertThat(receipt.hasValidSignature()).isTrue();
    Attestation attestation = Attestation.decode(hex.parseHex(golden.get("attestation")));
    assertThat(attestation.hasValidSignature()).isTrue();
    assertThat(attestation.attests(receipt)).isTrue();
    assertThat(SettlementMessages.decode(hex.parseHex(golden.get("envelope-proof"))))
        .isEqualTo(Messages.proof());
    assertThat(SyncRequest.decode(hex.parseHex(golden.get("sync-request"))))
        .isEqualTo(new SyncRequest(41, 100));
    assertThat(SyncResponse.decode(hex.parseHex(golden.get("sync-response"))).items())
        .extracting(SyncItem::message)
        .containsExactly(Messages.proof(), Messages.attestation());
  }

  @Test
  void startsEveryMessageWithVersionOne() {
    actual().forEach((name, bytes) -> assertThat(bytes).as(name).startsWith(0x08, 0x01));
  }

  static Map<String, byte[]> actual() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    out.put("proof", Messages.proof().encode());
    out.put(
        "proof-deposit-usdc-no-log",
        new PaymentProofMessage(Messages.INVOICE, Messages.usdcToDepositAddress()).encode());
    out.put("receipt", Messages.receipt().encode());
    out.put("attestation", Messages.attestation().encode());
    out.put("envelope-proof", SettlementMessages.encode(Messages.proof()));
    out.put("envelope-receipt", SettlementMessages.encode(Messages.receipt()));
    out.put("envelope-attestation", SettlementMessages.encode(Messages.attestation()));
    out.put("sync-request", new SyncRequest(41, 100).encode());
    out.put(
        "sync-response",
        new SyncResponse(
                List.of(
                    new SyncItem(42, Messages.proof()), new SyncItem(45, Messages.attestation())),
                45)
            .encode());
    return out;
  }

  private static Map<String, String> golden() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = MessageGoldenTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\t");
          out.put(parts[0], parts[1]);
        }
      }
    }
    return out;
  }
}
