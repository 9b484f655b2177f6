package dev.payrelay.wallet.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.InvalidValueException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentReferenceTest {

  private static final byte[] SECRET =
      HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void matchesAReferenceComputedIndependently() {
    // printf 'payrelay/payment-reference/v1\0INV-000042' \
    //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f   (first 16 bytes)
    // and keccak256 of those 16 bytes (js-sha3).
    PaymentReference reference = PaymentReference.derive(SECRET, "INV-000042");

    assertThat(reference.hex()).isEqualTo("0x7cbe4bbe3e92620859b0702847c5c650");
    assertThat(reference.topicHashHex())
        .isEqualTo("0x4445c518d64c08f63eaeece41df5e2d17efcba5b84cca642a81147d09f01015a");
  }

  @Test
  void isTheSameForTheSameInvoiceAndDistinctAcrossInvoicesAndStores() {
    byte[] otherSecret = SECRET.clone();
    otherSecret[0] ^= 1;

    assertThat(PaymentReference.derive(SECRET, "inv-1"))
        .isEqualTo(PaymentReference.derive(SECRET.clone(), "inv-1"))
        .isNotEqualTo(PaymentReference.derive(SECRET, "inv-2"))
        .isNotEqualTo(PaymentReference.derive(otherSecret, "inv-1"));
    Set<PaymentReference> references = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      references.add(PaymentReference.derive(SECRET, "invoice-" + i));
    }
    assertThat(references).hasSize(10_000);
  }

  @Test
  void roundTripsThroughItsHexForm() {
    PaymentReference reference = PaymentReference.derive(SECRET, "inv-1");

    assertThat(PaymentReference.parse(reference.hex())).isEqualTo(reference);
    assertThat(PaymentReference.of(reference.bytes())).isEqualTo(reference);
    assertThat(reference.bytes()).hasSize(PaymentReference.LENGTH);
    assertThat(reference.topicHash()).hasSize(32);
  }

  @Test
  void refusesAShortSecretAndAMissingOrOversizedInvoiceId() {
    assertThatThrownBy(() -> PaymentReference.derive(new byte[31], "inv-1"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PaymentReference.derive(SECRET, " "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("invoice id");
    assertThatThrownBy(() -> PaymentReference.derive(SECRET, "x".repeat(257)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("256 bytes");
  }

  @Test
  void refusesMalformedHex() {
    assertThatThrownBy(() -> PaymentReference.parse("0x7cbe4bbe3e92620859b0702847c5c6"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> PaymentReference.parse("7cbe4bbe3e92620859b0702847c5c650"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("0x");
    assertThatThrownBy(() -> PaymentReference.parse("0x7cbe4bbe3e92620859b0702847c5c65g"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("hex digit");
  }
}
