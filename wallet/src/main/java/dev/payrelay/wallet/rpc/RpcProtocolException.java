package dev.payrelay.wallet.rpc;

/**
 * The endpoint answered, but not with what JSON-RPC promises (an error object for a valid call, a
 * malformed result). Not retried: asking again would get the same answer.
 */
public class RpcProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RpcProtocolException(String message) {
    super(message);
  }

  public RpcProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
