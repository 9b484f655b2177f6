package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A decoded RPC whose messages' StrictSign signatures have been checked already, off the router's
 * thread: Ed25519 verification is by far the costliest step of handling a message, and the router
 * runs on one thread. {@link #prepare} is pure and thread-safe; the router takes the result through
 * {@link GossipRouter#onVerifiedRpc} and only looks the verdicts up.
 *
 * <p>Messages on topics the node had not joined when the RPC was prepared are not verified (the
 * router drops them before it would verify; a topic joined in between gets them verified there).
 * Nor are messages whose id the router has seen already: in a mesh of degree D a message arrives up
 * to D times, and the router drops every copy after the first as a duplicate, whatever its
 * signature (as go-libp2p does: the seen check comes before validation). If the id has left the
 * seen cache by the time the router takes the RPC, it verifies that message itself.
 */
public final class VerifiedRpc {
  private final Rpc rpc;
  private final List<StrictSign.Verification> verifications;
  private final List<MessageId> seenIds;

  private VerifiedRpc(
      Rpc rpc, List<StrictSign.Verification> verifications, List<MessageId> seenIds) {
    this.rpc = rpc;
    this.verifications = verifications;
    this.seenIds = seenIds;
  }

  /** Where {@link #prepare} learns that a message was seen already: its id if so, else null. */
  @FunctionalInterface
  public interface SeenLookup {
    /** Never seen: every message on a joined topic is verified. */
    SeenLookup NOTHING = claimed -> null;

    MessageId seenIdOf(PubSubMessage claimed);
  }

  /**
   * Decodes {@code body} and verifies its messages on joined topics.
   *
   * @param joinedTopics topic names the node is subscribed to (a snapshot; see {@link
   *     GossipRouter#joinedTopicNames()})
   * @throws RpcFormatException if the body is not a valid RPC of at most {@code maxRpcBytes}
   */
  public static VerifiedRpc prepare(byte[] body, int maxRpcBytes, Set<String> joinedTopics)
      throws RpcFormatException {
    return prepare(body, maxRpcBytes, joinedTopics, SeenLookup.NOTHING);
  }

  /**
   * As {@link #prepare(byte[], int, Set)}, skipping the messages {@code seen} knows (see {@link
   * GossipRouter#seenIdOf}).
   */
  public static VerifiedRpc prepare(
      byte[] body, int maxRpcBytes, Set<String> joinedTopics, SeenLookup seen)
      throws RpcFormatException {
    Rpc rpc = RpcCodec.decode(body, maxRpcBytes);
    int n = rpc.publish().size();
    List<StrictSign.Verification> verifications = new ArrayList<>(n);
    List<MessageId> seenIds = new ArrayList<>(n);
    for (RpcMessage message : rpc.publish()) {
      boolean joined = message.topic() != null && joinedTopics.contains(message.topic());
      PubSubMessage claimed = joined ? StrictSign.claimed(message) : null;
      MessageId seenId = claimed == null ? null : seen.seenIdOf(claimed);
      seenIds.add(seenId);
      verifications.add(joined && seenId == null ? StrictSign.verify(message) : null);
    }
    return new VerifiedRpc(
        rpc, Collections.unmodifiableList(verifications), Collections.unmodifiableList(seenIds));
  }

  Rpc rpc() {
    return rpc;
  }

  /** The id of the {@code index}th message if it was skipped as seen already, else null. */
  MessageId seenId(int index) {
    return seenIds.get(index);
  }

  /** The verdict of the {@code index}th message, or null if it was not verified in advance. */
  StrictSign.Verification verification(int index) {
    return verifications.get(index);
  }
}
