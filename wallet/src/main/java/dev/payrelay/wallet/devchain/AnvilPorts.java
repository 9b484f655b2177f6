package dev.payrelay.wallet.devchain;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Ports and addresses for anvil's JSON-RPC server. */
final class AnvilPorts {

  private AnvilPorts() {}

  /** A port that is free right now on {@code host} (another process may still take it first). */
  static int free(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AnvilException("no free port on " + host + " for anvil: " + e.getMessage(), e);
    }
  }

  /**
   * Fails unless {@code port} is free: otherwise the readiness poll could talk to whatever holds it
   * while anvil itself fails to bind.
   */
  static int requireFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return port;
    } catch (IOException e) {
      throw new AnvilException(
          "cannot start anvil on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The URL to reach anvil listening on {@code host}; a wildcard host is reached on loopback. */
  static URI rpcUrl(String host, int port) {
    String reach;
    if (host.equals("0.0.0.0")) {
      reach = "127.0.0.1";
    } else if (host.equals("::")) {
      reach = "[::1]";
    } else {
      reach = host.contains(":") ? "[" + host + "]" : host;
    }
    return URI.create("http://" + reach + ":" + port);
  }
}
