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
  private final List<MessageId> ids;
  private final List<Boolean> seen;

  private VerifiedRpc(
      Rpc rpc,
      List<StrictSign.Verification> verifications,
      List<MessageId> ids,
      List<Boolean> seen) {
    this.rpc = rpc;
    this.verifications = verifications;
    this.ids = ids;
    this.seen = seen;
  }

  /**
   * Decodes {@code body} (at most the router's RPC size) and verifies its messages on the topics
   * {@code router} has joined, unless it has seen them already. Reads only what the router lets
   * other threads read.
   *
   * @throws RpcFormatException if the body is not a valid RPC of at most the router's size
   */
  public static VerifiedRpc prepare(byte[] body, GossipRouter router) throws RpcFormatException {
    Rpc rpc = RpcCodec.decode(body, router.params().maxRpcBytes());
    Set<String> joinedTopics = router.joinedTopicNames();
    int n = rpc.publish().size();
    List<StrictSign.Verification> verifications = new ArrayList<>(n);
    List<MessageId> ids = new ArrayList<>(n);
    List<Boolean> seen = new ArrayList<>(n);
    for (RpcMessage message : rpc.publish()) {
      boolean joined = message.topic() != null && joinedTopics.contains(message.topic());
      PubSubMessage claimed = joined ? StrictSign.claimed(message) : null;
      MessageId id = claimed == null ? null : router.idOf(claimed);
      boolean seenBefore = id != null && router.seenFromAnyThread(id);
      ids.add(id);
      seen.add(seenBefore);
      verifications.add(joined && !seenBefore ? StrictSign.verify(message) : null);
    }
    return new VerifiedRpc(
        rpc,
        Collections.unmodifiableList(verifications),
        Collections.unmodifiableList(ids),
        Collections.unmodifiableList(seen));
  }

  Rpc rpc() {
    return rpc;
  }

  /**
   * The id of the {@code index}th message as it claims to be (the same as its verified form's), or
   * null if it was not on a joined topic or not well formed.
   */
  MessageId id(int index) {
    return ids.get(index);
  }

  /** Whether the {@code index}th message was skipped as seen already (then it has an id). */
  boolean wasSeen(int index) {
    return seen.get(index);
  }

  /** The verdict of the {@code index}th message, or null if it was not verified in advance. */
  StrictSign.Verification verification(int index) {
    return verifications.get(index);
  }
}
