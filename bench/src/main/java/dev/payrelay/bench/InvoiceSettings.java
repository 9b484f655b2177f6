package dev.payrelay.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The sizes of the invoice benchmark, from system properties ({@code
 * -Dbench.invoices.clients=8,64}); the defaults are what bench/README.md reports.
 *
 * @param rounds timed rounds per measurement, after one warm-up round
 * @param perRound invoices created (and inserted by the baseline) per round and measurement
 * @param stores stores of the multi-store case (the single-store case uses the first)
 * @param clients the concurrency levels: clients, each with one request in flight
 */
record InvoiceSettings(int rounds, int perRound, int stores, List<Integer> clients) {

  InvoiceSettings {
    if (rounds < 3) {
      throw new IllegalArgumentException("at least 3 timed rounds, got " + rounds);
    }
    if (perRound < 1 || stores < 2 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException(
          "invoices per round and clients must be positive, and stores at least 2");
    }
    clients = List.copyOf(clients);
  }

  int maxClients() {
    return clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  static InvoiceSettings fromSystemProperties(BenchSettings common) {
    return new InvoiceSettings(
        common.rounds(),
        Integer.getInteger("bench.invoices.perRound", 2_000),
        Integer.getInteger("bench.invoices.stores", 8),
        Arrays.stream(System.getProperty("bench.invoices.clients", "8,64").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList());
  }
}
