/**
 * Benchmarks. Each prints its result as a ratio against a baseline measured in the same run (raw
 * TCP, js-libp2p, a plain PostgreSQL insert, the RPC node's own rate). See bench/README.md.
 */
package dev.payrelay.bench;
