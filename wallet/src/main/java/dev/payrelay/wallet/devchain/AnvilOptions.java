package dev.payrelay.wallet.devchain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start anvil. Create with {@link #of(Path, Path)} and adjust with the {@code with…}
 * methods.
 *
 * @param binary the anvil executable (see {@link AnvilBinary#locate(Path)})
 * @param host the address to listen on
 * @param port the port to listen on; {@code 0} picks a free one
 * @param chainId the chain id anvil reports ({@code eth_chainId})
 * @param slotsInAnEpoch blocks per epoch; {@code safe} lags {@code latest} by one epoch and {@code
 *     finalized} by two
 * @param blockTime mine a block every this often; empty mines one block per transaction
 * @param stateFile load the chain from this file if it exists, and dump it there on exit
 * @param logFile receives anvil's standard output and error (overwritten)
 * @param startupTimeout how long to wait for anvil to answer JSON-RPC
 */
public record AnvilOptions(
    Path binary,
    String host,
    int port,
    long chainId,
    int slotsInAnEpoch,
    Optional<Duration> blockTime,
    Optional<Path> stateFile,
    Path logFile,
    Duration startupTimeout) {

  /** The chain id of a local dev chain. */
  public static final long DEFAULT_CHAIN_ID = 1337;

  /** Two slots per epoch, so that {@code latest}, {@code safe} and {@code finalized} differ. */
  public static final int DEFAULT_SLOTS_IN_AN_EPOCH = 2;

  /** Anvil starts in well under a second; this bound covers a slow, busy machine. */
  public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

  public AnvilOptions {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(blockTime, "blockTime");
    Objects.requireNonNull(stateFile, "stateFile");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (chainId <= 0) {
      throw new IllegalArgumentException("chainId must be positive: " + chainId);
    }
    if (slotsInAnEpoch <= 0) {
      throw new IllegalArgumentException("slotsInAnEpoch must be positive: " + slotsInAnEpoch);
    }
    blockTime.ifPresent(
        t -> {
          if (t.toMillis() < 1) {
            throw new IllegalArgumentException("blockTime must be at least 1 ms: " + t);
          }
        });
  }

  /** Defaults: 127.0.0.1, a free port, chain id 1337, two slots per epoch, automine, no state. */
  public static AnvilOptions of(Path binary, Path logFile) {
    return new AnvilOptions(
        binary,
        "127.0.0.1",
        0,
        DEFAULT_CHAIN_ID,
        DEFAULT_SLOTS_IN_AN_EPOCH,
        Optional.empty(),
        Optional.empty(),
        logFile,
        STARTUP_TIMEOUT);
  }

  public AnvilOptions withBinary(Path value) {
    return new AnvilOptions(
        value, host, port, chainId, slotsInAnEpoch, blockTime, stateFile, logFile, startupTimeout);
  }

  public AnvilOptions withHost(String value) {
    return new AnvilOptions(
        binary,
        value,
        port,
        chainId,
        slotsInAnEpoch,
        blockTime,
        stateFile,
        logFile,
        startupTimeout);
  }

  public AnvilOptions withPort(int value) {
    return new AnvilOptions(
        binary,
        host,
        value,
        chainId,
        slotsInAnEpoch,
        blockTime,
        stateFile,
        logFile,
        startupTimeout);
  }

  public AnvilOptions withChainId(long value) {
    return new AnvilOptions(
        binary, host, port, value, slotsInAnEpoch, blockTime, stateFile, logFile, startupTimeout);
  }

  public AnvilOptions withSlotsInAnEpoch(int value) {
    return new AnvilOptions(
        binary, host, port, chainId, value, blockTime, stateFile, logFile, startupTimeout);
  }

  public AnvilOptions withBlockTime(Duration value) {
    return new AnvilOptions(
        binary,
        host,
        port,
        chainId,
        slotsInAnEpoch,
        Optional.of(value),
        stateFile,
        logFile,
        startupTimeout);
  }

  public AnvilOptions withStateFile(Path value) {
    return new AnvilOptions(
        binary,
        host,
        port,
        chainId,
        slotsInAnEpoch,
        blockTime,
        Optional.of(value),
        logFile,
        startupTimeout);
  }

  public AnvilOptions withLogFile(Path value) {
    return new AnvilOptions(
        binary, host, port, chainId, slotsInAnEpoch, blockTime, stateFile, value, startupTimeout);
  }

  public AnvilOptions withStartupTimeout(Duration value) {
    return new AnvilOptions(
        binary, host, port, chainId, slotsInAnEpoch, blockTime, stateFile, logFile, value);
  }
}
