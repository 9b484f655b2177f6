package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open expectations of one chain, indexed so that matching a log or a transaction costs one
 * hash lookup whatever their number: by reference topic for the proxy route, by deposit address for
 * the deposit route.
 *
 * <p>Thread-safe: invoicing adds an expectation when an invoice opens and removes it when the
 * invoice closes, while the watcher matches. Add it <em>before</em> the buyer is shown how to pay,
 * so that no payment can precede it. Keep it open until the invoice's transfers are finalized: a
 * transfer that a reorg moves to another block is found again only through an open expectation; a
 * payment after removal is left to proofs.
 */
public final class ExpectationIndex {

  private final ChainId chain;
  private final Map<String, List<Expectation>> byReferenceTopic = new ConcurrentHashMap<>();
  private final Map<Address, List<Expectation>> byDepositAddress = new ConcurrentHashMap<>();
  private final Map<String, List<Expectation>> byInvoice = new HashMap<>();
  private volatile int references;
  private volatile int nativeDeposits;
  private volatile int tokenDeposits;

  public ExpectationIndex(ChainId chain) {
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /**
   * Starts watching for {@code expectation}; adding it again is a no-op.
   *
   * @throws IllegalArgumentException if its asset is on another chain, or another invoice already
   *     expects the same asset by the same route
   */
  public synchronized void add(Expectation expectation) {
    if (!expectation.asset().chain().equals(chain)) {
      throw new IllegalArgumentException(
          "an expectation in "
              + expectation.asset().caip19()
              + " on the watcher of chain "
              + chain);
    }
    for (Expectation other : sameRoute(expectation.route())) {
      if (other.asset().equals(expectation.asset())) {
        if (other.equals(expectation)) {
          return;
        }
        throw new IllegalArgumentException(
            "invoices "
                + other.invoiceKey()
                + " and "
                + expectation.invoiceKey()
                + " both expect "
                + expectation.asset().symbol()
                + " by "
                + expectation.route());
      }
    }
    update(expectation, +1);
  }

  /** Stops watching for {@code expectation}; returns whether it was open. */
  public synchronized boolean remove(Expectation expectation) {
    List<Expectation> open = byInvoice.getOrDefault(expectation.invoiceKey(), List.of());
    if (!open.contains(expectation)) {
      return false;
    }
    update(expectation, -1);
    return true;
  }

  /** Stops watching for every expectation of {@code invoiceKey}; returns how many were open. */
  public synchronized int removeInvoice(String invoiceKey) {
    List<Expectation> open = List.copyOf(byInvoice.getOrDefault(invoiceKey, List.of()));
    open.forEach(e -> update(e, -1));
    return open.size();
  }

  /** How many expectations are open. */
  public synchronized int size() {
    return byInvoice.values().stream().mapToInt(List::size).sum();
  }

  Optional<Expectation> match(Candidate candidate) {
    List<Expectation> bucket =
        candidate instanceof Candidate.ViaProxy p
            ? byReferenceTopic.getOrDefault(p.referenceTopic(), List.of())
            : byDepositAddress.getOrDefault(candidate.to(), List.of());
    for (Expectation e : bucket) {
      boolean recipientOk =
          !(e.route() instanceof PaymentRoute.ByReference r)
              || r.recipient().equals(candidate.to());
      if (recipientOk && paysIn(candidate.tokenOrNull(), e.asset())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  boolean hasReferences() {
    return references > 0;
  }

  boolean hasNativeDeposits() {
    return nativeDeposits > 0;
  }

  boolean hasTokenDeposits() {
    return tokenDeposits > 0;
  }

  private static boolean paysIn(Address tokenOrNull, Asset asset) {
    return asset instanceof Asset.Erc20 token
        ? token.contract().equals(tokenOrNull)
        : tokenOrNull == null;
  }

  private void update(Expectation e, int delta) {
    if (e.route() instanceof PaymentRoute.ByReference r) {
      byReferenceTopic.compute(topicKey(r), (k, list) -> edited(list, e, delta));
      references += delta;
    } else {
      byDepositAddress.compute(depositKey(e.route()), (k, list) -> edited(list, e, delta));
      if (e.asset() instanceof Asset.Native) {
        nativeDeposits += delta;
      } else {
        tokenDeposits += delta;
      }
    }
    byInvoice.compute(e.invoiceKey(), (k, list) -> edited(list, e, delta));
  }

  private static List<Expectation> edited(List<Expectation> list, Expectation e, int delta) {
    List<Expectation> out = new ArrayList<>(list == null ? List.of() : list);
    if (delta > 0) {
      out.add(e);
    } else {
      out.remove(e);
    }
    return out.isEmpty() ? null : List.copyOf(out);
  }

  private List<Expectation> sameRoute(PaymentRoute route) {
    List<Expectation> same =
        route instanceof PaymentRoute.ByReference r
            ? byReferenceTopic.get(topicKey(r))
            : byDepositAddress.get(depositKey(route));
    return same == null ? List.of() : same;
  }

  private static String topicKey(PaymentRoute.ByReference route) {
    return Hex.encode(route.referenceTopic());
  }

  private static Address depositKey(PaymentRoute route) {
    return ((PaymentRoute.ToDepositAddress) route).depositAddress();
  }
}
