package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.Topic;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A scripted remote peer: it writes hand-made RPCs to the router under test and records, decoded,
 * every RPC the router writes to it, as a misbehaving or minimal peer would.
 */
final class RawPeer {
  final Ed25519KeyPair key;
  final List<Rpc> received = new ArrayList<>();
  private final GossipRouter router;
  private final RpcFrameDecoder decoder = new RpcFrameDecoder();
  private long seqno;

  RawPeer(GossipRouter router, int seed) {
    this.router = router;
    byte[] keySeed = new byte[32];
    keySeed[0] = (byte) seed;
    keySeed[1] = (byte) (seed >> 8);
    keySeed[31] = 0x5a;
    this.key = Ed25519KeyPair.fromSeed(keySeed);
  }

  PeerId id() {
    return key.peerId();
  }

  /** Connects to the router (its outbound stream to us is open); we dialed it. */
  RawPeer connect() {
    router.addPeer(id(), GossipProtocol.MESHSUB_V1_1, this::onFrame);
    return this;
  }

  /** Connects on a connection the router dialed (counts towards its D_out). */
  RawPeer connectOutbound() {
    router.addPeer(id(), GossipProtocol.MESHSUB_V1_1, this::onFrame, ConnectionDirection.OUTBOUND);
    return this;
  }

  private void onFrame(byte[] frame) {
    for (byte[] body : decoder.feed(frame)) {
      received.add(RpcCodec.decode(body));
    }
  }

  void send(Rpc rpc) {
    router.onRpcBytes(id(), RpcCodec.encode(rpc));
  }

  void subscribe(Topic topic) {
    send(new Rpc(List.of(new Rpc.SubOpts(true, topic.name())), List.of(), null));
  }

  void graft(Topic topic) {
    send(
        control(
            new Rpc.Control(
                List.of(), List.of(), List.of(new Rpc.Graft(topic.name())), List.of())));
  }

  void prune(Topic topic, Long backoffSeconds) {
    send(
        control(
            new Rpc.Control(
                List.of(),
                List.of(),
                List.of(),
                List.of(new Rpc.Prune(topic.name(), List.of(), backoffSeconds)))));
  }

  void ihave(Topic topic, List<MessageId> ids) {
    send(
        control(
            new Rpc.Control(
                List.of(new Rpc.IHave(topic.name(), ids)), List.of(), List.of(), List.of())));
  }

  void iwant(List<MessageId> ids) {
    send(control(new Rpc.Control(List.of(), List.of(new Rpc.IWant(ids)), List.of(), List.of())));
  }

  /** A message signed by this peer. */
  RpcMessage signed(Topic topic, byte[] data) {
    byte[] seq = ByteBuffer.allocate(8).putLong(++seqno).array();
    return StrictSign.sign(key, topic, data, seq);
  }

  void publish(RpcMessage... messages) {
    send(new Rpc(List.of(), List.of(messages), null));
  }

  static Rpc control(Rpc.Control control) {
    return new Rpc(List.of(), List.of(), control);
  }

  <T> List<T> all(Function<Rpc, List<T>> part) {
    return received.stream().flatMap(r -> part.apply(r).stream()).collect(Collectors.toList());
  }

  List<Rpc.Graft> grafts() {
    return all(r -> r.control().graft());
  }

  List<Rpc.Prune> prunes() {
    return all(r -> r.control().prune());
  }

  List<Rpc.IHave> ihaves() {
    return all(r -> r.control().ihave());
  }

  List<Rpc.IWant> iwants() {
    return all(r -> r.control().iwant());
  }

  List<RpcMessage> messages() {
    return all(Rpc::publish);
  }

  List<Rpc.SubOpts> subscriptions() {
    return all(Rpc::subscriptions);
  }

  void clear() {
    received.clear();
  }
}
