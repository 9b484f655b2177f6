package dev.payrelay.p2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultistreamMalformedInputTest {

  private static MultistreamFailure.Kind responderFailure(byte[] bytes) {
    MultistreamResponder responder = new MultistreamResponder(p -> true);
    responder.start();
    return responder.onBytes(bytes).failure().map(MultistreamFailure::kind).orElse(null);
  }

  static List<Object[]> badPrefixes() {
    return List.of(
        new Object[] {new byte[] {(byte) 0x81, 0x08}, MultistreamFailure.Kind.MESSAGE_TOO_LONG},
        new Object[] {
          new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
          MultistreamFailure.Kind.MESSAGE_TOO_LONG
        },
        new Object[] {
          new byte[] {(byte) 0x81, (byte) 0x81}, MultistreamFailure.Kind.MESSAGE_TOO_LONG
        },
        new Object[] {new byte[] {(byte) 0x80, 0x00}, MultistreamFailure.Kind.MALFORMED_MESSAGE},
        new Object[] {new byte[] {0x00}, MultistreamFailure.Kind.MALFORMED_MESSAGE},
        new Object[] {
          new byte[] {0x03, 0x6e, 0x61, 0x62}, MultistreamFailure.Kind.MALFORMED_MESSAGE
        },
        new Object[] {
          new byte[] {0x03, (byte) 0xc3, 0x28, 0x0a}, MultistreamFailure.Kind.MALFORMED_MESSAGE
        },
        new Object[] {
          new byte[] {0x04, 0x2f, 0x01, 0x61, 0x0a}, MultistreamFailure.Kind.MALFORMED_MESSAGE
        });
  }

  @ParameterizedTest
  @MethodSource("badPrefixes")
  void failsOnOversizedOrMalformedMessages(byte[] bytes, MultistreamFailure.Kind expected) {
    assertThat(responderFailure(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1_024, 1_025})
  void acceptsALengthPrefixUpToTheLimitAndRejectsOneMore(int length) {
    byte[] message = new byte[2 + length];
    message[0] = (byte) (0x80 | (length & 0x7f));
    message[1] = (byte) (length >>> 7);
    message[2] = '/';
    for (int i = 3; i < message.length - 1; i++) {
      message[i] = 'a';
    }
    message[message.length - 1] = '\n';
    MultistreamDecoder decoder = new MultistreamDecoder(MultistreamMessage.MAX_PROTOCOL_ID_BYTES);
    decoder.feed(message);

    if (length <= MultistreamMessage.MAX_PROTOCOL_ID_BYTES) {
      assertThat(catching(decoder)).hasSize(length - 1);
    } else {
      assertThat(catching(decoder)).isEqualTo("MESSAGE_TOO_LONG");
    }
  }

  private static String catching(MultistreamDecoder decoder) {
    try {
      return decoder.next();
    } catch (MultistreamException e) {
      return e.failure().kind().name();
    }
  }

  @Test
  void waitsForMoreBytesOnATruncatedMessage() {
    MultistreamResponder responder = new MultistreamResponder(p -> true);
    responder.start();

    MultistreamOutcome outcome = responder.onBytes(new byte[] {0x13, '/', 'm'});

    assertThat(outcome.isFailed()).isFalse();
    assertThat(outcome.isNegotiated()).isFalse();
    assertThat(outcome.bytesToSend()).isEmpty();
  }

  @Test
  void randomBytesNeverCrashTheMachines() {
    SplittableRandom random = new SplittableRandom(7L);
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[random.nextInt(64)];
      random.nextBytes(bytes);
      MultistreamResponder responder = new MultistreamResponder(p -> true);
      MultistreamInitiator initiator = new MultistreamInitiator(List.of("/a"));
      initiator.start();

      MultistreamOutcome r = responder.onBytes(bytes);
      MultistreamOutcome i = initiator.onBytes(bytes);

      assertThat(r.isNegotiated() && r.isFailed()).isFalse();
      assertThat(i.isNegotiated()).isFalse();
    }
  }
}
