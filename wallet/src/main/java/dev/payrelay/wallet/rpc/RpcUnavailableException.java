package dev.payrelay.wallet.rpc;

/**
 * The endpoint did not answer usefully within the retry budget (down, timing out, rate limiting).
 */
public class RpcUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RpcUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
