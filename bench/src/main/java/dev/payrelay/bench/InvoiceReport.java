package dev.payrelay.bench;

import dev.payrelay.bench.CpuMeter.Part;
import dev.payrelay.bench.InvoiceCreationBench.Level;
import dev.payrelay.bench.InvoiceCreationBench.Series;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The invoice benchmark's block of the report: one column per concurrency level. */
final class InvoiceReport {

  private static final String RATE = "%,.0f";
  private static final String MILLIS = "%.1f";

  private final PrintStream out;

  InvoiceReport(PrintStream out) {
    this.out = out;
  }

  void print(InvoiceCreationBench.Result r) {
    List<Level> levels = r.levels();
    line("");
    line(
        "Invoice creation: POST /v1/invoices over HTTP/1.1 to a node in this JVM (ETH on chain %d,"
            + " %d line items, by reference), %,d invoices per round and measurement",
        BenchNode.CHAIN_ID, InvoiceRequests.LINES, r.perRound());
    line("  %s; the node's R2DBC pool: %s connections", r.postgres(), r.nodePool());
    line(
        "  baseline: the same rows (invoice, %d line items, outbox event) inserted by plain JDBC,"
            + " one transaction per invoice, one connection per client",
        InvoiceRequests.LINES);
    line(
        "  warm-up: %d pass(es) over every measurement until the JIT compiled < %.0f%% of the time"
            + " (%s); during the timed rounds: %.1f%%",
        r.warmUpJit().size(),
        InvoiceCreationBench.QUIET_JIT * 100,
        r.warmUpJit().stream()
            .map(j -> String.format(Locale.ROOT, "%.0f%%", j * 100))
            .collect(Collectors.joining(", ")),
        r.timedJit() * 100);
    row("", levels, l -> String.format(Locale.ROOT, "%d clients", l.clients()));
    row("baseline: inserts/s", levels, l -> l.baseline().perSecond().format(RATE));
    row("  p50 ms", levels, l -> l.baseline().p50Millis().format(MILLIS));
    row("  p99 ms", levels, l -> l.baseline().p99Millis().format(MILLIS));
    series("1 store", levels, Level::oneStore, Level::oneStoreRatio);
    series(r.stores() + " stores", levels, Level::manyStores, Level::manyStoresRatio);
    line("  CPU ms per invoice over the timed rounds: baseline / 1 store / %d stores", r.stores());
    for (Part part : Part.values()) {
      row(part.label, levels, l -> cpu(l, s -> s.cpuMillis().get(part)));
    }
    row(
        "total",
        levels,
        l -> cpu(l, s -> s.cpuMillis().values().stream().mapToDouble(Double::doubleValue).sum()));
  }

  private void series(
      String name,
      List<Level> levels,
      Function<Level, Series> series,
      Function<Level, Summary> ratio) {
    row(name + ": creations/s", levels, l -> series.apply(l).perSecond().format(RATE));
    row("  p50 ms", levels, l -> series.apply(l).p50Millis().format(MILLIS));
    row("  p99 ms", levels, l -> series.apply(l).p99Millis().format(MILLIS));
    row("  ratio to baseline", levels, l -> ratio.apply(l).format("%.2f"));
  }

  private static String cpu(Level l, Function<Series, Double> part) {
    return String.format(
        Locale.ROOT,
        "%.3f / %.3f / %.3f",
        part.apply(l.baseline()),
        part.apply(l.oneStore()),
        part.apply(l.manyStores()));
  }

  private void row(String label, List<Level> levels, Function<Level, String> cell) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-46s", label));
    for (Level l : levels) {
      s.append(String.format(Locale.ROOT, " %-26s", cell.apply(l)));
    }
    out.println(s.toString().stripTrailing());
  }

  private void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
