/**
 * The chain watcher: finds payments to open invoices without any proof, follows their confirmations
 * and finality, and notices when a reorg takes them away.
 *
 * <p>Pure core, thin shell: {@code WatchState} turns the data of a block range (decoded logs and
 * transactions, block hashes) and the open {@link dev.payrelay.wallet.watch.ExpectationIndex} into
 * {@link dev.payrelay.wallet.watch.PaymentObservation}s and a new {@link
 * dev.payrelay.wallet.watch.WatchCursor}; {@link dev.payrelay.wallet.watch.ChainWatcher} only
 * fetches, calls the core and hands each {@link dev.payrelay.wallet.watch.WatchBatch} to the {@link
 * dev.payrelay.wallet.watch.WatchSink}, which persists it in one transaction.
 */
package dev.payrelay.wallet.watch;
