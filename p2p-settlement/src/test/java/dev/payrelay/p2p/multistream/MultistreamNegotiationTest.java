package dev.payrelay.p2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultistreamNegotiationTest {

  private static final byte[] DATA = "application bytes".getBytes(StandardCharsets.UTF_8);

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }

  @Test
  void initiatorSendsItsHeaderAndFirstProposalAtOnce() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/noise"));

    MultistreamOutcome start = initiator.start();

    assertThat(start.bytesToSend())
        .containsExactly(MultistreamMessage.encodeAll("/multistream/1.0.0", "/noise"));
    assertThat(start.isNegotiated()).isFalse();
  }

  @Test
  void responderSendsItsHeaderWithoutWaitingForTheInitiator() {
    MultistreamResponder responder = new MultistreamResponder(Set.of("/noise")::contains);

    assertThat(responder.start().bytesToSend())
        .containsExactly(MultistreamMessage.encode("/multistream/1.0.0"));
  }

  @Test
  void responderAcceptsHeaderProposalAndDataInOneReadAndHandsBackTheData() {
    MultistreamResponder responder = new MultistreamResponder(Set.of("/noise")::contains);
    responder.start();

    MultistreamOutcome outcome =
        responder.onBytes(
            concat(MultistreamMessage.encodeAll("/multistream/1.0.0", "/noise"), DATA));

    assertThat(outcome.protocol()).contains("/noise");
    assertThat(outcome.bytesToSend()).containsExactly(MultistreamMessage.encode("/noise"));
    assertThat(outcome.leftover()).containsExactly(DATA);
  }

  @Test
  void responderThatWasNotStartedSendsItsHeaderWithTheEcho() {
    MultistreamResponder responder = new MultistreamResponder(Set.of("/noise")::contains);

    MultistreamOutcome outcome =
        responder.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "/noise"));

    assertThat(outcome.bytesToSend())
        .containsExactly(MultistreamMessage.encodeAll("/multistream/1.0.0", "/noise"));
    assertThat(outcome.leftover()).isEmpty();
  }

  @Test
  void initiatorAcceptsHeaderEchoAndDataInOneReadAndHandsBackTheData() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/yamux/1.0.0"));
    initiator.start();

    MultistreamOutcome outcome =
        initiator.onBytes(
            concat(MultistreamMessage.encodeAll("/multistream/1.0.0", "/yamux/1.0.0"), DATA));

    assertThat(outcome.protocol()).contains("/yamux/1.0.0");
    assertThat(outcome.bytesToSend()).isEmpty();
    assertThat(outcome.leftover()).containsExactly(DATA);
  }

  @Test
  void initiatorFallsBackToTheNextProposalOnNa() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/tls/1.0.0", "/noise"));
    initiator.start();

    MultistreamOutcome first =
        initiator.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "na"));
    MultistreamOutcome second = initiator.onBytes(MultistreamMessage.encode("/noise"));

    assertThat(first.bytesToSend()).containsExactly(MultistreamMessage.encode("/noise"));
    assertThat(first.isNegotiated()).isFalse();
    assertThat(second.protocol()).contains("/noise");
  }

  @Test
  void initiatorFailsClearlyWhenEveryProposalIsRefused() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/a", "/b"));
    initiator.start();

    MultistreamOutcome outcome =
        initiator.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "na", "na"));

    assertThat(outcome.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.kind()).isEqualTo(MultistreamFailure.Kind.NO_PROTOCOL_ACCEPTED);
              assertThat(f.detail()).contains("/a", "/b");
            });
  }

  @Test
  void responderAnswersNaToUnsupportedProposalsAndToLs() {
    MultistreamResponder responder = new MultistreamResponder(Set.of("/b")::contains);
    responder.start();

    MultistreamOutcome outcome =
        responder.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "/a", "ls", "/b"));

    assertThat(outcome.bytesToSend())
        .containsExactly(MultistreamMessage.encodeAll("na", "na", "/b"));
    assertThat(outcome.protocol()).contains("/b");
  }

  @Test
  void responderFailsAfterTooManyProposals() {
    MultistreamResponder responder = new MultistreamResponder(p -> false);
    responder.start();
    List<String> messages = new ArrayList<>();
    messages.add("/multistream/1.0.0");
    for (int i = 0; i <= MultistreamResponder.MAX_PROPOSALS; i++) {
      messages.add("/p/" + i);
    }

    MultistreamOutcome outcome =
        responder.onBytes(MultistreamMessage.encodeAll(messages.toArray(String[]::new)));

    assertThat(outcome.failure().orElseThrow().kind())
        .isEqualTo(MultistreamFailure.Kind.TOO_MANY_PROPOSALS);
  }

  @Test
  void responderAnswersExactlyTheProposalLimit() {
    MultistreamResponder responder = new MultistreamResponder(p -> false, 3);
    responder.start();

    MultistreamOutcome outcome =
        responder.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "/a", "/b", "/c"));

    assertThat(outcome.isFailed()).isFalse();
    assertThat(outcome.bytesToSend())
        .containsExactly(MultistreamMessage.encodeAll("na", "na", "na"));
    assertThat(responder.onBytes(MultistreamMessage.encode("/d")).failure().orElseThrow().kind())
        .isEqualTo(MultistreamFailure.Kind.TOO_MANY_PROPOSALS);
  }

  @Test
  void bothSidesFailOnAWrongHeader() {
    MultistreamResponder responder = new MultistreamResponder(p -> true);
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/a"));
    initiator.start();
    byte[] wrong = MultistreamMessage.encode("/multistream/2.0.0");

    assertThat(responder.onBytes(wrong).failure().orElseThrow().kind())
        .isEqualTo(MultistreamFailure.Kind.UNEXPECTED_HEADER);
    assertThat(initiator.onBytes(wrong).failure().orElseThrow().kind())
        .isEqualTo(MultistreamFailure.Kind.UNEXPECTED_HEADER);
  }

  @Test
  void initiatorFailsOnAnAnswerThatIsNeitherEchoNorNa() {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of("/a"));
    initiator.start();

    MultistreamOutcome outcome =
        initiator.onBytes(MultistreamMessage.encodeAll("/multistream/1.0.0", "/b"));

    assertThat(outcome.failure().orElseThrow().kind())
        .isEqualTo(MultistreamFailure.Kind.UNEXPECTED_MESSAGE);
  }

  @Test
  void negotiatesWithEveryChunkingIncludingByteByByte() {
    SplittableRandom random = new SplittableRandom(20_240_603L);
    for (int round = 0; round < 500; round++) {
      int proposals = 1 + random.nextInt(5);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < proposals; i++) {
        ids.add("/proto/" + round + "/" + i);
      }
      String accepted = ids.get(random.nextInt(proposals));
      byte[] initiatorData = new byte[random.nextInt(40)];
      random.nextBytes(initiatorData);
      byte[] responderData = new byte[random.nextInt(40)];
      random.nextBytes(responderData);
      int maxChunk = round % 5 == 0 ? 1 : 1 + random.nextInt(64);

      Negotiation result = negotiate(ids, accepted, initiatorData, responderData, random, maxChunk);

      assertThat(result.initiatorProtocol).as("round %d", round).isEqualTo(accepted);
      assertThat(result.responderProtocol).isEqualTo(accepted);
      assertThat(result.responderReceived).containsExactly(initiatorData);
      assertThat(result.initiatorReceived).containsExactly(responderData);
    }
  }

  private record Negotiation(
      String initiatorProtocol,
      String responderProtocol,
      byte[] initiatorReceived,
      byte[] responderReceived) {}

  /** Wires both machines; each side sends its data right after its own outcome says negotiated. */
  private static Negotiation negotiate(
      List<String> ids,
      String accepted,
      byte[] initiatorData,
      byte[] responderData,
      SplittableRandom random,
      int maxChunk) {
    MultistreamInitiator initiator = new MultistreamInitiator(ids);
    MultistreamResponder responder = new MultistreamResponder(accepted::equals);
    ByteArrayOutputStream toResponder = new ByteArrayOutputStream();
    ByteArrayOutputStream toInitiator = new ByteArrayOutputStream();
    ByteArrayOutputStream initiatorReceived = new ByteArrayOutputStream();
    ByteArrayOutputStream responderReceived = new ByteArrayOutputStream();
    toResponder.writeBytes(initiator.start().bytesToSend());
    toInitiator.writeBytes(responder.start().bytesToSend());
    String initiatorProtocol = null;
    String responderProtocol = null;
    while (toResponder.size() > 0 || toInitiator.size() > 0) {
      byte[] forResponder = toResponder.toByteArray();
      toResponder.reset();
      for (byte[] chunk : split(forResponder, random, maxChunk)) {
        if (responderProtocol != null) {
          responderReceived.writeBytes(chunk);
          continue;
        }
        MultistreamOutcome outcome = responder.onBytes(chunk);
        assertThat(outcome.failure()).isEmpty();
        toInitiator.writeBytes(outcome.bytesToSend());
        if (outcome.isNegotiated()) {
          responderProtocol = outcome.protocol().orElseThrow();
          responderReceived.writeBytes(outcome.leftover());
          toInitiator.writeBytes(responderData);
        }
      }
      byte[] forInitiator = toInitiator.toByteArray();
      toInitiator.reset();
      for (byte[] chunk : split(forInitiator, random, maxChunk)) {
        if (initiatorProtocol != null) {
          initiatorReceived.writeBytes(chunk);
          continue;
        }
        MultistreamOutcome outcome = initiator.onBytes(chunk);
        assertThat(outcome.failure()).isEmpty();
        toResponder.writeBytes(outcome.bytesToSend());
        if (outcome.isNegotiated()) {
          initiatorProtocol = outcome.protocol().orElseThrow();
          initiatorReceived.writeBytes(outcome.leftover());
          toResponder.writeBytes(initiatorData);
        }
      }
    }
    return new Negotiation(
        initiatorProtocol,
        responderProtocol,
        initiatorReceived.toByteArray(),
        responderReceived.toByteArray());
  }

  static List<byte[]> split(byte[] bytes, SplittableRandom random, int maxChunk) {
    List<byte[]> chunks = new ArrayList<>();
    int pos = 0;
    while (pos < bytes.length) {
      int n = Math.min(bytes.length - pos, 1 + random.nextInt(maxChunk));
      chunks.add(Arrays.copyOfRange(bytes, pos, pos + n));
      pos += n;
    }
    return chunks;
  }
}
