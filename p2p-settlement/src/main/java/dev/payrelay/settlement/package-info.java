/**
 * The settlement protocol on top of {@link dev.payrelay.p2p}: payment proofs relayed between
 * merchant nodes, settlement receipts signed by an invoice's home node, attestations and catch-up
 * sync.
 */
package dev.payrelay.settlement;
