package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.chain.ChainConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How one chain is watched. The chain's confirmations policy, trusted payment proxies and accepted
 * tokens come from its {@link ChainConfig}.
 *
 * @param pollInterval pause between two looks at the chain head
 * @param startBlock the first block to scan when no cursor was ever stored; empty: the head at the
 *     first start (payments before it are left to proofs)
 * @param maxBlocksPerRange the most blocks one {@code eth_getLogs} covers (providers cap results)
 * @param maxBackoff the longest pause after repeated failures
 */
public record WatchConfig(
    ChainConfig chain,
    Duration pollInterval,
    OptionalLong startBlock,
    int maxBlocksPerRange,
    Duration maxBackoff) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
  public static final int MAX_BLOCKS_PER_RANGE = 500;
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

  public WatchConfig {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(startBlock, "startBlock");
    if (pollInterval == null || pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "the poll interval must be at least 1 ms: " + pollInterval);
    }
    if (maxBackoff == null || maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("the longest backoff must be at least the poll interval");
    }
    if (maxBlocksPerRange < 1 || maxBlocksPerRange > MAX_BLOCKS_PER_RANGE) {
      throw new IllegalArgumentException(
          "blocks per range must be 1 to " + MAX_BLOCKS_PER_RANGE + ", got " + maxBlocksPerRange);
    }
    if (startBlock.isPresent() && startBlock.getAsLong() < 0) {
      throw new IllegalArgumentException("the start block cannot be negative");
    }
  }

  /** The defaults: every 2 s, from the head at the first start, 500 blocks per range. */
  public static WatchConfig of(ChainConfig chain) {
    return new WatchConfig(
        chain,
        DEFAULT_POLL_INTERVAL,
        OptionalLong.empty(),
        MAX_BLOCKS_PER_RANGE,
        DEFAULT_MAX_BACKOFF);
  }

  public WatchConfig withPollInterval(Duration interval) {
    return new WatchConfig(chain, interval, startBlock, maxBlocksPerRange, maxBackoff);
  }

  public WatchConfig withStartBlock(long block) {
    return new WatchConfig(
        chain, pollInterval, OptionalLong.of(block), maxBlocksPerRange, maxBackoff);
  }

  public WatchConfig withMaxBlocksPerRange(int blocks) {
    return new WatchConfig(chain, pollInterval, startBlock, blocks, maxBackoff);
  }

  public WatchConfig withMaxBackoff(Duration backoff) {
    return new WatchConfig(chain, pollInterval, startBlock, maxBlocksPerRange, backoff);
  }
}
