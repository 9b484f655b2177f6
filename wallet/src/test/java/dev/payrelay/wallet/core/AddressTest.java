package dev.payrelay.wallet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  /** The checksummed examples given in EIP-55. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26"
      })
  void acceptsAndReproducesTheEip55Examples(String checksummed) {
    Address address = Address.parse(checksummed);
    assertThat(address.toChecksumString()).isEqualTo(checksummed);
    assertThat(Address.parse(checksummed.toLowerCase(Locale.ROOT))).isEqualTo(address);
    assertThat(Address.parse("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT)))
        .isEqualTo(address);
  }

  @Test
  void rejectsAMixedCaseAddressWhoseChecksumIsWrong() {
    assertThatThrownBy(() -> Address.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("wrong EIP-55 checksum");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",
        "0x",
        ""
      })
  void rejectsMalformedAddressesWithAClearError(String text) {
    assertThatThrownBy(() -> Address.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("address");
  }

  @Test
  void txHashesAreExactly32Bytes() {
    String hash = "0x" + "ab".repeat(32);
    assertThat(TxHash.parse(hash).toString()).isEqualTo(hash);
    assertThatThrownBy(() -> TxHash.parse("0x" + "ab".repeat(31)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("a transaction hash must be 32 bytes (66 characters with 0x), got 31 bytes");
    assertThatThrownBy(() -> TxHash.parse("0x" + "zz".repeat(32)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("not a hex digit");
  }

  @Test
  void chainIdsArePositiveAndBounded() {
    assertThat(ChainId.of(8453).caip2()).isEqualTo("eip155:8453");
    assertThatThrownBy(() -> ChainId.of(0)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ChainId.of(ChainId.MAX + 1)).isInstanceOf(InvalidValueException.class);
  }
}
