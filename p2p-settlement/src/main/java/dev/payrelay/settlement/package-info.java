/**
 * The settlement protocol (ARCHITECTURE "The settlement network (libp2p)"): payment proofs relayed
 * between merchant nodes, settlement receipts signed by an invoice's home node, attestations by the
 * others, and catch-up sync. {@link dev.payrelay.settlement.SettlementEngine} is the protocol of
 * one node over four ports, which the gateway implements:
 *
 * <ul>
 *   <li>{@link dev.payrelay.settlement.InvoiceLedger}: this node's invoices (with {@code
 *       invoicing}); applying a transfer is exactly-once by the ledger's unique constraint;
 *   <li>{@link dev.payrelay.settlement.SettlementNetwork}: gossipsub topics with async validators
 *       (ACCEPT / REJECT / IGNORE), the {@code /payrelay/sync/1.0.0} request/response protocol, and
 *       penalties;
 *   <li>{@link dev.payrelay.settlement.SettlementStore}: proofs, receipts and attestations numbered
 *       by a monotonic cursor, and a sync cursor per peer;
 *   <li>{@link dev.payrelay.settlement.ChainVerifier}: the wallet's proof verifiers, one per chain
 *       this node has an RPC endpoint for.
 * </ul>
 *
 * <p>Messages and their wire format: {@link dev.payrelay.settlement.message}; the node's key file:
 * {@link dev.payrelay.settlement.identity}.
 */
package dev.payrelay.settlement;
