package dev.payrelay.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InvoiceHumanNumberTest {

  @Test
  void hasAtLeastSixDigitsAndMoreWhenTheNumberNeedsThem() {
    assertThat(Invoice.humanNumber(1)).isEqualTo("INV-000001");
    assertThat(Invoice.humanNumber(42)).isEqualTo("INV-000042");
    assertThat(Invoice.humanNumber(999_999)).isEqualTo("INV-999999");
    assertThat(Invoice.humanNumber(1_000_000)).isEqualTo("INV-1000000");
    assertThat(Invoice.humanNumber(Long.MAX_VALUE)).isEqualTo("INV-" + Long.MAX_VALUE);
  }

  @Test
  void matchesTheFormatPatternForAnyNumber() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      long number = random.nextLong(1L << random.nextInt(1, 63));
      assertThat(Invoice.humanNumber(number))
          .as("seed %d, number %d", seed, number)
          .isEqualTo(String.format("INV-%06d", number));
    }
  }
}
