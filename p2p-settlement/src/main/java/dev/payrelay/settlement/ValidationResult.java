package dev.payrelay.settlement;

/**
 * A topic validator's answer, with gossipsub v1.1's meaning (<a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#extended-validators">extended
 * validators</a>).
 */
public enum ValidationResult {
  /** Valid: deliver and forward. */
  ACCEPT,
  /** Invalid for every honest node: drop, do not forward, penalize the propagation source. */
  REJECT,
  /** Not forwarded and not penalized: a duplicate, rate-limited, or not verifiable here. */
  IGNORE
}
