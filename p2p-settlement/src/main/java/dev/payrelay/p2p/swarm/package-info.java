/**
 * The {@link dev.payrelay.p2p.host.Host} implementation: the TCP transport on one Netty event loop
 * group, the connections it keeps (limits, idle timeout, dial de-duplication), stream handler
 * routing, connection events, and identify and ping on every host.
 */
package dev.payrelay.p2p.swarm;
