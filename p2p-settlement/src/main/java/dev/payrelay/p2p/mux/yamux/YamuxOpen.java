package dev.payrelay.p2p.mux.yamux;

/**
 * The result of {@link YamuxSession#open()}: the new stream's id and the output carrying its SYN.
 */
public record YamuxOpen(int streamId, YamuxSessionOutput output) {}
