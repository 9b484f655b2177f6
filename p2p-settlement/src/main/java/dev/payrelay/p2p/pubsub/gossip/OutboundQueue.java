package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects what the router wants to tell each peer during one call (subscriptions, messages,
 * control) and sends it as few RPCs as fit the size limit when {@link #flush} is called, so control
 * messages piggyback on messages. Within an RPC subscriptions come first, as the protobuf field
 * order puts them, and receivers apply them before GRAFTs.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#control-message-piggybacking">
 * gossipsub v1.0 "Control Message Piggybacking"</a>.
 */
final class OutboundQueue {
  /** Room left in an RPC for the length prefixes and tags around one message. */
  private static final int PER_MESSAGE_OVERHEAD_BYTES = 16;

  private static final class Pending {
    final List<Rpc.SubOpts> subscriptions = new ArrayList<>();
    final List<RpcMessage> messages = new ArrayList<>();
    final List<Rpc.IHave> ihave = new ArrayList<>();
    final List<Rpc.IWant> iwant = new ArrayList<>();
    final List<Rpc.Graft> graft = new ArrayList<>();
    final List<Rpc.Prune> prune = new ArrayList<>();
  }

  private final int maxRpcBytes;
  private final Function<PeerId, RpcOutbound> outbounds;
  private final Map<PeerId, Pending> pending = new LinkedHashMap<>();

  /** {@code outbounds} answers the sink of a connected peer, or null once it is gone. */
  OutboundQueue(int maxRpcBytes, Function<PeerId, RpcOutbound> outbounds) {
    this.maxRpcBytes = maxRpcBytes;
    this.outbounds = outbounds;
  }

  void subscription(PeerId peer, Rpc.SubOpts sub) {
    of(peer).subscriptions.add(sub);
  }

  void message(PeerId peer, RpcMessage message) {
    of(peer).messages.add(message);
  }

  void ihave(PeerId peer, Rpc.IHave ihave) {
    of(peer).ihave.add(ihave);
  }

  void iwant(PeerId peer, Rpc.IWant iwant) {
    of(peer).iwant.add(iwant);
  }

  void graft(PeerId peer, Rpc.Graft graft) {
    of(peer).graft.add(graft);
  }

  void prune(PeerId peer, Rpc.Prune prune) {
    of(peer).prune.add(prune);
  }

  /** Sends everything queued, one or more RPCs per peer, and empties the queue. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Map.Entry<PeerId, Pending>> batch = new ArrayList<>(pending.entrySet());
    pending.clear();
    for (Map.Entry<PeerId, Pending> entry : batch) {
      RpcOutbound outbound = outbounds.apply(entry.getKey());
      if (outbound != null) {
        send(outbound, entry.getValue());
      }
    }
  }

  private void send(RpcOutbound outbound, Pending p) {
    Rpc.Control control = new Rpc.Control(p.ihave, p.iwant, p.graft, p.prune);
    int used = RpcCodec.encode(new Rpc(p.subscriptions, List.of(), control)).length;
    List<RpcMessage> messages = new ArrayList<>();
    List<Rpc.SubOpts> subs = p.subscriptions;
    for (RpcMessage message : p.messages) {
      int size = RpcCodec.encodeMessage(message).length + PER_MESSAGE_OVERHEAD_BYTES;
      if (!messages.isEmpty() && used + size > maxRpcBytes) {
        write(outbound, new Rpc(subs, messages, control));
        subs = List.of();
        control = Rpc.Control.EMPTY;
        messages = new ArrayList<>();
        used = 0;
      }
      messages.add(message);
      used += size;
    }
    Rpc last = new Rpc(subs, messages, control);
    if (!last.isEmpty()) {
      write(outbound, last);
    }
  }

  private static void write(RpcOutbound outbound, Rpc rpc) {
    outbound.send(RpcFrameDecoder.frame(RpcCodec.encode(rpc)));
  }

  private Pending of(PeerId peer) {
    return pending.computeIfAbsent(peer, p -> new Pending());
  }
}
