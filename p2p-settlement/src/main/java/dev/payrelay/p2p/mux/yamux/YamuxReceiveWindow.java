package dev.payrelay.p2p.mux.yamux;

/**
 * The receive side of one stream's flow control: how much the peer may still send, what the
 * application holds unread, and the credit to give back in the next window update.
 *
 * <p>Accounting keeps {@code remaining + unconsumed + credit == target}: data moves bytes from
 * {@code remaining} to {@code unconsumed}, the application's {@link #consumed(int)} moves them to
 * {@code credit}, and a window update gives the credit back to the peer. Only data payload counts
 * (spec "Flow Control"). An update is due once half the target is credit; the target doubles, up to
 * the configured maximum, when the reader got through the last window within four ping round trips.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md#flow-control">yamux,
 *     Flow Control</a>
 */
final class YamuxReceiveWindow {

  /** An update is due once this fraction (1 / n) of the target is credit. */
  static final int UPDATE_FRACTION = 2;

  /** A window consumed within this many RTTs counts as a fast reader. */
  static final int FAST_READER_RTTS = 4;

  private long target = YamuxConfig.INITIAL_WINDOW_BYTES;
  private long remaining = YamuxConfig.INITIAL_WINDOW_BYTES;
  private long unconsumed;
  private long credit;
  private long epochStartNanos;

  YamuxReceiveWindow(long nowNanos) {
    this.epochStartNanos = nowNanos;
  }

  /**
   * Takes {@code length} bytes of received data.
   *
   * @throws YamuxProtocolException if the peer sent past the window
   */
  void onData(int streamId, int length) throws YamuxProtocolException {
    if (length > remaining) {
      throw new YamuxProtocolException(
          "peer overran the window of stream "
              + Integer.toUnsignedLong(streamId)
              + ": "
              + length
              + " bytes > "
              + remaining);
    }
    remaining -= length;
    unconsumed += length;
  }

  /**
   * The application processed {@code bytes}.
   *
   * @throws IllegalArgumentException if more than it holds unread
   */
  void consumed(int bytes) {
    if (bytes < 0 || bytes > unconsumed) {
      throw new IllegalArgumentException(
          "consumed " + bytes + " but only " + unconsumed + " unconsumed");
    }
    unconsumed -= bytes;
    credit += bytes;
  }

  boolean updateDue() {
    return credit >= target / UPDATE_FRACTION;
  }

  /**
   * Gives the credit back, growing the target for a fast reader; returns the window update's delta.
   *
   * @param rttNanos the session's last ping round trip, or a negative value if unknown
   */
  long takeUpdate(long nowNanos, long rttNanos, long maxTarget) {
    long extra = 0;
    if (rttNanos > 0 && nowNanos - epochStartNanos < FAST_READER_RTTS * rttNanos) {
      extra = Math.min(target, maxTarget - target);
    }
    epochStartNanos = nowNanos;
    long delta = credit + extra;
    target += extra;
    remaining += delta;
    credit = 0;
    return delta;
  }

  long target() {
    return target;
  }
}
