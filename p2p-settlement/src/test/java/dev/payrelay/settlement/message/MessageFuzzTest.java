package dev.payrelay.settlement.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random inputs: random bytes and mutations of valid messages either decode to a message
 * whose encoding is exactly the input, or fail with {@link MessageFormatException}; nothing else
 * (no other exception, no silent acceptance of a second encoding). The seed is printed on failure.
 */
class MessageFuzzTest {
  private static final long SEED = 0x5e771e_2026L;
  private static final int RANDOM_CASES = 5_000;
  private static final int MUTATION_CASES = 1_000;
  private static final int ROUND_TRIP_CASES = 200;

  @Test
  void randomBytesAreRefusedWithATypedErrorOnly() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < RANDOM_CASES; i++) {
      byte[] bytes = Messages.random(random, random.nextInt(300));
      if (random.nextBoolean() && bytes.length > 1) {
        bytes[0] = 0x08;
        bytes[1] = 0x01;
      }
      check(bytes, i);
    }
  }

  @Test
  void mutatedMessagesAreRefusedOrReencodeToThemselves() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < MUTATION_CASES; i++) {
      byte[] valid = SettlementMessages.encode(Messages.randomMessage(random));
      check(mutate(random, valid), i);
    }
  }

  @Test
  void randomValidMessagesRoundTripAndKeepTheirSignatures() {
    SplittableRandom random = new SplittableRandom(SEED + 2);
    for (int i = 0; i < ROUND_TRIP_CASES; i++) {
      SettlementMessage message = Messages.randomMessage(random);
      byte[] envelope = SettlementMessages.encode(message);
      SettlementMessage decoded = SettlementMessages.decode(envelope);
      assertThat(decoded).as("seed %d case %d", SEED + 2, i).isEqualTo(message);
      if (decoded instanceof SettlementReceipt receipt) {
        assertThat(receipt.hasValidSignature()).isTrue();
      } else if (decoded instanceof Attestation attestation) {
        assertThat(attestation.hasValidSignature()).isTrue();
      }
    }
  }

  private static void check(byte[] bytes, int index) {
    try {
      SettlementMessage decoded = SettlementMessages.decode(bytes);
      assertThat(SettlementMessages.encode(decoded)).isEqualTo(bytes);
    } catch (MessageFormatException expected) {
      assertThat(expected.reason()).isNotNull();
    } catch (RuntimeException | AssertionError e) {
      fail("seed " + SEED + " case " + index + ": " + e + " for " + Arrays.toString(bytes), e);
    }
    for (Runnable decoder :
        new Runnable[] {
          () -> PaymentProofMessage.decode(bytes),
          () -> SettlementReceipt.decode(bytes),
          () -> Attestation.decode(bytes),
          () -> SyncRequest.decode(bytes),
          () -> SyncResponse.decode(bytes)
        }) {
      try {
        decoder.run();
      } catch (MessageFormatException expected) {
        // the only failure allowed
      } catch (RuntimeException e) {
        fail("seed " + SEED + " case " + index + ": " + e + " for " + Arrays.toString(bytes), e);
      }
    }
  }

  private static byte[] mutate(SplittableRandom random, byte[] valid) {
    byte[] out = valid.clone();
    switch (random.nextInt(4)) {
      case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
      case 2 -> {
        out = Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
        for (int i = valid.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
      default -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    return out;
  }
}
