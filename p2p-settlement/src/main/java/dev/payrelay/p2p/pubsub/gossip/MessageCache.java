package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Full messages of the last {@code mcacheLength} heartbeats, for answering IWANT, and their ids of
 * the last {@code mcacheGossip} heartbeats, for IHAVE. Counts how often each message was sent to
 * each peer in answer to IWANT, so IWANT spam gets at most {@code gossipRetransmission} copies.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#message-cache">
 * gossipsub v1.0 "Message Cache"</a>; retransmission limit from v1.1 "Spam Protection Measures".
 */
final class MessageCache {
  private static final class Entry {
    final MessageId id;
    final Topic topic;
    final RpcMessage message;
    Map<PeerId, Integer> iwantSends;

    Entry(MessageId id, Topic topic, RpcMessage message) {
      this.id = id;
      this.topic = topic;
      this.message = message;
    }
  }

  private final int gossipWindows;
  private final Deque<List<Entry>> windows = new ArrayDeque<>();
  private final Map<MessageId, Entry> byId = new HashMap<>();

  MessageCache(int historyWindows, int gossipWindows) {
    this.gossipWindows = gossipWindows;
    for (int i = 0; i < historyWindows; i++) {
      windows.addLast(new ArrayList<>());
    }
  }

  /** Adds a message to the current window (ignored if already cached). */
  void put(MessageId id, Topic topic, RpcMessage message) {
    if (byId.containsKey(id)) {
      return;
    }
    Entry entry = new Entry(id, topic, message);
    byId.put(id, entry);
    windows.peekFirst().add(entry);
  }

  boolean contains(MessageId id) {
    return byId.containsKey(id);
  }

  /**
   * The message for an IWANT from {@code peer}, counting the send; empty if not cached or already
   * sent to that peer {@code maxSends} times.
   */
  Optional<RpcMessage> getForPeer(MessageId id, PeerId peer, int maxSends) {
    Entry entry = byId.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.iwantSends == null) {
      entry.iwantSends = new HashMap<>();
    }
    int sends = entry.iwantSends.merge(peer, 1, Integer::sum);
    return sends > maxSends ? Optional.empty() : Optional.of(entry.message);
  }

  /** Ids of {@code topic}'s messages in the gossip windows, newest first. */
  List<MessageId> gossipIds(Topic topic) {
    List<MessageId> ids = new ArrayList<>();
    Iterator<List<Entry>> it = windows.iterator();
    for (int i = 0; i < gossipWindows && it.hasNext(); i++) {
      for (Entry entry : it.next()) {
        if (entry.topic.equals(topic)) {
          ids.add(entry.id);
        }
      }
    }
    return ids;
  }

  /** Starts a new window and forgets the oldest. */
  void shift() {
    for (Entry entry : windows.removeLast()) {
      byId.remove(entry.id);
    }
    windows.addFirst(new ArrayList<>());
  }

  int size() {
    return byId.size();
  }
}
