package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ValidationPipelineTest {
  private static final Topic TOPIC = Topic.of("t");

  @Test
  void dropsNewMessagesUnseenWhileTheValidationLimitIsReached() {
    VirtualTime time = new VirtualTime();
    Ed25519KeyPair self = Ed25519KeyPair.fromSeed(new byte[32]);
    RouterState state =
        new RouterState(
            self.peerId(), GossipParams.defaults(), time.clock, new SplittableRandom(1));
    ValidationPipeline pipeline =
        new ValidationPipeline(
            state, new GossipExchange(state), MessageIdFunction.SHA256_OF_DATA, time.executor, 2);
    List<CompletableFuture<ValidationResult>> verdicts = new ArrayList<>();
    state.subscriptions.put(
        TOPIC,
        new RouterState.Subscription(
            (source, message) -> {
              CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
              verdicts.add(verdict);
              return verdict;
            },
            (id, message) -> {}));
    Ed25519KeyPair author =
        Ed25519KeyPair.fromSeed(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });
    List<RpcMessage> messages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      messages.add(StrictSign.sign(author, TOPIC, new byte[] {(byte) i}, new byte[8]));
    }
    pipeline.onMessages(author.peerId(), messages);
    assertThat(verdicts).hasSize(2);
    assertThat(state.seen.size()).as("the dropped one is not marked seen").isEqualTo(2);
    verdicts.get(0).complete(ValidationResult.IGNORE);
    time.runPending();
    pipeline.onMessages(author.peerId(), messages.subList(2, 3));
    assertThat(verdicts).hasSize(3);
  }
}
