package dev.payrelay.wallet.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TxHash;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PaymentProofTest {

  private static final TxHash TX = TxHash.of(new byte[32]);

  @Test
  void acceptsNoLogIndexALogIndexOrTheNativeValue() {
    assertThat(PaymentProof.of(ChainId.MAINNET, TX).logIndex()).isEmpty();
    assertThat(PaymentProof.of(ChainId.MAINNET, TX, 0).logIndex()).hasValue(0);
    assertThat(PaymentProof.of(ChainId.MAINNET, TX, -1).logIndex()).hasValue(-1);
    assertThat(new PaymentProof(ChainId.MAINNET, TX, null).logIndex())
        .isEqualTo(OptionalLong.empty());
  }

  @Test
  void refusesAMissingPartOrANegativeLogIndex() {
    assertThatThrownBy(() -> PaymentProof.of(null, TX)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PaymentProof.of(ChainId.MAINNET, null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> PaymentProof.of(ChainId.MAINNET, TX, -2))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("-1");
  }
}
