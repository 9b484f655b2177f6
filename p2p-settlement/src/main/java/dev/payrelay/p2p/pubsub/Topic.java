package dev.payrelay.p2p.pubsub;

import java.nio.charset.StandardCharsets;

/**
 * A pubsub topic id: a non-empty UTF-8 string of at most {@value #MAX_BYTES} bytes, compared
 * exactly (topics are not normalised), e.g. {@code /payrelay/main/proofs/1}.
 */
public record Topic(String name) {
  /** Longest topic id we send or accept, in UTF-8 bytes. */
  public static final int MAX_BYTES = 1_024;

  public Topic {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a topic id cannot be empty");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "topic id of " + bytes + " bytes is over the limit of " + MAX_BYTES);
    }
  }

  public static Topic of(String name) {
    return new Topic(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
