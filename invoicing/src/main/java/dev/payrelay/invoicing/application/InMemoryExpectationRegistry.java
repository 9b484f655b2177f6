package dev.payrelay.invoicing.application;

import dev.payrelay.wallet.payment.Expectation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ExpectationRegistry} that only remembers what is open: for tests and tools. */
public final class InMemoryExpectationRegistry implements ExpectationRegistry {

  private final Map<String, Set<Expectation>> open = new ConcurrentHashMap<>();

  @Override
  public void open(Expectation expectation) {
    open.computeIfAbsent(expectation.invoiceKey(), k -> ConcurrentHashMap.newKeySet())
        .add(expectation);
  }

  @Override
  public void close(String invoiceKey) {
    open.remove(invoiceKey);
  }

  /** The open expectations of {@code invoiceKey}. */
  public List<Expectation> of(String invoiceKey) {
    return List.copyOf(open.getOrDefault(invoiceKey, Set.of()));
  }

  public boolean isOpen(String invoiceKey) {
    return !of(invoiceKey).isEmpty();
  }

  /** How many expectations are open. */
  public int size() {
    return open.values().stream().mapToInt(Set::size).sum();
  }
}
