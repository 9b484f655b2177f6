package dev.payrelay.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The baseline of the p2p bulk benchmark: the same transfer over a plain TCP socket on loopback, no
 * encryption, no multiplexing. The receiver reads to the end, answers the byte count (8 bytes,
 * big-endian) and closes, as the discard protocol does.
 */
final class RawTcpBulk implements AutoCloseable {

  private final ServerSocket server;
  private final Thread acceptor;

  private RawTcpBulk(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::serve, "raw-tcp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawTcpBulk start() throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new RawTcpBulk(server);
  }

  /** Sends {@code bytes} in chunks of {@code chunk}; returns the seconds until the count came. */
  double send(long bytes, byte[] chunk) throws IOException {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(server.getLocalSocketAddress());
      OutputStream out = socket.getOutputStream();
      long sent = 0;
      while (sent < bytes) {
        int n = (int) Math.min(chunk.length, bytes - sent);
        out.write(chunk, 0, n);
        sent += n;
      }
      socket.shutdownOutput();
      long counted = new DataInputStream(socket.getInputStream()).readLong();
      if (counted != bytes) {
        throw new IllegalStateException("raw TCP sink counted " + counted + " of " + bytes);
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
          count += n;
        }
        new DataOutputStream(socket.getOutputStream()).writeLong(count);
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("raw TCP sink: " + e);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
