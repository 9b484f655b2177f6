package dev.payrelay.p2p.host;

/**
 * Serves one protocol id: gets every inbound stream that negotiated it, on the connection's event
 * loop, before any of the stream's data is delivered. Typically sets a {@link StreamListener} and
 * perhaps writes. Must not block. An exception resets the stream.
 */
@FunctionalInterface
public interface StreamHandler {

  void onStream(Stream stream);
}
