/**
 * Verifying a payment proof from the chain alone: given a transaction (and a log index where
 * relevant) and what an invoice expects, answer Verified, Pending or Rejected with a typed reason.
 * See ARCHITECTURE "Payment proofs, verification and settlement".
 *
 * <p>The matching and the confirmation count are pure functions ({@code ReceiptMatcher}, {@code
 * Finality}); {@link dev.payrelay.wallet.verify.ProofVerifier} only fetches: one JSON-RPC batch and
 * one block per proof, whatever the transaction holds.
 */
package dev.payrelay.wallet.verify;
