/**
 * The settlement engine on the real libp2p network: {@link
 * dev.payrelay.settlement.network.SettlementNode} starts a host, gossipsub and the engine in one
 * call, enforces the membership policy, redials known peers with backoff, persists them, and runs
 * catch-up on every (re)connection; {@code GossipSettlementNetwork} adapts the engine's {@link
 * dev.payrelay.settlement.SettlementNetwork} port onto gossipsub and the sync protocol.
 */
package dev.payrelay.settlement.network;
