package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a node takes part in settlement.
 *
 * @param networkId names the topics {@code /payrelay/<networkId>/proofs/1} and {@code
 *     /payrelay/<networkId>/receipts/1}
 * @param quorum empty (the default): a receipt counts only once this node verified it on chain;
 *     present: a node without an RPC endpoint for the receipt's chain also counts it once {@link
 *     Quorum#attestations()} of the allowlisted peers attested it
 */
public record SettlementConfig(String networkId, Optional<Quorum> quorum) {
  /** Network ids: what may stand in a topic name. */
  static final Pattern NETWORK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public SettlementConfig {
    Objects.requireNonNull(networkId, "networkId");
    if (!NETWORK_ID.matcher(networkId).matches()) {
      throw new IllegalArgumentException(
          "a network id is 1..63 lowercase letters, digits and dashes, not '" + networkId + "'");
    }
    quorum = quorum == null ? Optional.empty() : quorum;
  }

  /** Quorum mode off. */
  public static SettlementConfig of(String networkId) {
    return new SettlementConfig(networkId, Optional.empty());
  }

  public String proofsTopic() {
    return "/payrelay/" + networkId + "/proofs/1";
  }

  public String receiptsTopic() {
    return "/payrelay/" + networkId + "/receipts/1";
  }

  /**
   * Quorum mode: {@code attestations} confirming attestations by distinct peers of {@code
   * allowlist}.
   */
  public record Quorum(int attestations, Set<PeerId> allowlist) {
    public Quorum {
      allowlist = Set.copyOf(allowlist);
      if (attestations < 1 || attestations > allowlist.size()) {
        throw new IllegalArgumentException(
            "a quorum is 1.." + allowlist.size() + " allowlisted peers, not " + attestations);
      }
    }
  }
}
