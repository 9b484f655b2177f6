package dev.payrelay.p2p.pubsub.gossip;

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
 */
public final class VerifiedRpc {
  private final Rpc rpc;
  private final List<StrictSign.Verification> verifications;

  private VerifiedRpc(Rpc rpc, List<StrictSign.Verification> verifications) {
    this.rpc = rpc;
    this.verifications = verifications;
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
    Rpc rpc = RpcCodec.decode(body, maxRpcBytes);
    List<StrictSign.Verification> verifications = new ArrayList<>(rpc.publish().size());
    for (RpcMessage message : rpc.publish()) {
      boolean joined = message.topic() != null && joinedTopics.contains(message.topic());
      verifications.add(joined ? StrictSign.verify(message) : null);
    }
    return new VerifiedRpc(rpc, Collections.unmodifiableList(verifications));
  }

  Rpc rpc() {
    return rpc;
  }

  /** The verdict of the {@code index}th message, or null if it was not verified in advance. */
  StrictSign.Verification verification(int index) {
    return verifications.get(index);
  }
}
