package dev.payrelay.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The median, minimum and maximum of a measurement's timed rounds. */
record Summary(double median, double min, double max) {

  static Summary of(List<Double> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("no rounds");
    }
    List<Double> sorted = new ArrayList<>(rounds);
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Summary(median, sorted.get(0), sorted.get(n - 1));
  }

  /** The summary of {@code numerators[i] / denominators[i]}: ratios measured round by round. */
  static Summary ofRatios(List<Double> numerators, List<Double> denominators) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < numerators.size(); i++) {
      ratios.add(numerators.get(i) / denominators.get(i));
    }
    return of(ratios);
  }

  /** {@code median [min..max]}, each with {@code format}, e.g. {@code %,.0f}. */
  String format(String format) {
    return String.format(
        Locale.ROOT, format + " [" + format + ".." + format + "]", median, min, max);
  }
}
