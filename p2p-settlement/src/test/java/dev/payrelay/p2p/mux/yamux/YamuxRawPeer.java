package dev.payrelay.p2p.mux.yamux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One session driven by hand-made frames, as a misbehaving or scripted peer would send them. */
final class YamuxRawPeer {

  final AtomicLong clock = new AtomicLong(5_000_000_000L);
  final YamuxSession session;
  final List<YamuxFrame> sent = new ArrayList<>();
  final List<YamuxEvent> events = new ArrayList<>();

  YamuxRawPeer(YamuxConfig config) {
    this.session = new YamuxSession(config, clock::get);
  }

  YamuxRawPeer(YamuxRole role) {
    this(YamuxConfig.defaults(role));
  }

  YamuxSessionOutput receive(YamuxFrame... frames) {
    return record(session.onBytes(YamuxFrameCodec.encodeAll(List.of(frames))));
  }

  YamuxSessionOutput receiveBytes(byte[] bytes) {
    return record(session.onBytes(bytes));
  }

  YamuxSessionOutput record(YamuxSessionOutput output) {
    sent.addAll(output.frames());
    events.addAll(output.events());
    return output;
  }

  boolean failedWithGoAwayProtocolError() {
    return session.isFailed()
        && !sent.isEmpty()
        && sent.get(sent.size() - 1).type() == YamuxFrameType.GO_AWAY
        && sent.get(sent.size() - 1).length() == YamuxFrame.GO_AWAY_PROTOCOL_ERROR
        && events.stream().anyMatch(e -> e instanceof YamuxEvent.ProtocolError);
  }
}
