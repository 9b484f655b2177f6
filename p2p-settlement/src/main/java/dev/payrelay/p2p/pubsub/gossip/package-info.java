/**
 * Gossipsub v1.1 ({@code /meshsub/1.1.0}, answering {@code /meshsub/1.0.0}) as a transport-agnostic
 * state machine: {@link dev.payrelay.p2p.pubsub.gossip.GossipRouter}, the RPC codec and framing
 * ({@link dev.payrelay.p2p.pubsub.gossip.RpcCodec}, {@link
 * dev.payrelay.p2p.pubsub.gossip.RpcFrameDecoder}) and StrictSign ({@link
 * dev.payrelay.p2p.pubsub.gossip.StrictSign}). It knows nothing of sockets or streams; a thin
 * adapter on the host wires it to {@code /meshsub/*} streams.
 *
 * <h2>Threading</h2>
 *
 * One serial executor {@code E} owns the router: every call into it ({@code addPeer}, {@code
 * removePeer}, {@code onRpcBytes}/{@code onRpc}, {@code heartbeat}, {@code subscribe}, {@code
 * unsubscribe}, {@code publish}, the read-only accessors) runs on {@code E}, one at a time. The
 * router calls {@link dev.payrelay.p2p.pubsub.gossip.RpcOutbound#send} and message handlers only on
 * {@code E}, and brings validator completions (which may happen on any thread) back onto {@code E}
 * itself. Nothing in this package blocks.
 *
 * <h2>Adapter contract (host side)</h2>
 *
 * <ol>
 *   <li><b>Protocols.</b> Register a stream handler for each {@link
 *       dev.payrelay.p2p.pubsub.gossip.GossipProtocol} id; when opening, propose {@code
 *       /meshsub/1.1.0} then {@code /meshsub/1.0.0} (js proposes {@code /meshsub/1.2.0} first:
 *       answer {@code na}).
 *   <li><b>Outbound stream, on connect.</b> When a peer is connected and supports meshsub (identify
 *       lists a {@code /meshsub/*} protocol, or the peer opened an inbound meshsub stream to us),
 *       open exactly one outbound stream to it. Once negotiated: {@code E.execute(() ->
 *       router.addPeer(peer, protocol, frame -> stream.write(frame), direction))}, where {@code
 *       direction} is {@code OUTBOUND} if we dialed the connection and {@code INBOUND} if the peer
 *       did (it decides which peers count towards the mesh's D_out quota). Each {@code frame} is a
 *       complete, freshly allocated uvarint-length-prefixed RPC: write it as is, without copying,
 *       without blocking, and never call back into the router from {@code send}. If writes back up
 *       beyond a bound of the adapter's choosing, reset the stream and treat it as a disconnect.
 *   <li><b>Inbound stream.</b> For each inbound meshsub stream, make one {@code new
 *       RpcFrameDecoder(router.params().maxRpcBytes())}. On each chunk of bytes (on the I/O
 *       thread): {@code for (byte[] body : decoder.feed(chunk)) E.execute(() ->
 *       router.onRpcBytes(peer, body))}. {@code RpcFormatException} (including {@code
 *       RpcTooLargeException}, thrown before the oversized body is buffered) means the stream is
 *       garbage: reset it; the router's other peers are unaffected. If the peer opens a new inbound
 *       stream, the new one replaces the old. A stream that ends cleanly needs nothing. Do not call
 *       {@code onRpcBytes} before {@code addPeer}: RPCs from unknown peers are dropped.
 *       Alternatively, to keep Ed25519 off {@code E}: build each body into a {@link
 *       dev.payrelay.p2p.pubsub.gossip.VerifiedRpc} on another thread and hand it over with {@code
 *       E.execute(() -> router.onVerifiedRpc(peer, verified))}, keeping each stream's RPCs in
 *       order.
 *   <li><b>Disconnect.</b> When the peer's last connection closes, or our outbound stream to it is
 *       reset or closed: {@code E.execute(() -> router.removePeer(peer))}. A later reconnect calls
 *       {@code addPeer} again, which re-announces our subscriptions. Scores survive a reconnect.
 *   <li><b>Heartbeat.</b> {@code E.scheduleAtFixedRate(router::heartbeat, interval, interval)} with
 *       {@code interval = router.params().heartbeatInterval()}.
 * </ol>
 *
 * <p>Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md">gossipsub
 * v1.0</a>, <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md">gossipsub
 * v1.1</a>, <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md">pubsub</a>.
 */
package dev.payrelay.p2p.pubsub.gossip;
