package dev.payrelay.p2p.pubsub;

/**
 * The outcome of an extended validator (gossipsub v1.1, "Extended Validators").
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#extended-validators">
 * gossipsub v1.1</a>.
 */
public enum ValidationResult {
  /** Valid: delivered to the application and forwarded to the network. */
  ACCEPT,
  /** Invalid: dropped, and the peer that sent it is penalised (score parameter P4). */
  REJECT,
  /** Neither delivered nor forwarded, and nobody is penalised (e.g. not able to judge yet). */
  IGNORE
}
