package dev.payrelay.p2p.mux.yamux;

import java.util.List;

/**
 * What one step of a {@link YamuxSession} produced: whole frames to write in order (frames of
 * different streams never interleave mid-frame), and events for the application.
 */
public record YamuxSessionOutput(List<YamuxFrame> frames, List<YamuxEvent> events) {

  public YamuxSessionOutput {
    frames = List.copyOf(frames);
    events = List.copyOf(events);
  }

  /** The frames encoded back to back, ready to write. */
  public byte[] toBytes() {
    return YamuxFrameCodec.encodeAll(frames);
  }

  /** Whether there is nothing to write and nothing to report. */
  public boolean isEmpty() {
    return frames.isEmpty() && events.isEmpty();
  }
}
