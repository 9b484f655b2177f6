package dev.payrelay.wallet.rpc;

/**
 * The endpoint answered a call with a JSON-RPC error object. Inside the retry loop only: the retry
 * policy turns it into an {@link RpcProtocolException}, or retries it if it is a rate limit.
 */
final class JsonRpcErrorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** EIP-1474 "limit exceeded": a rate limit inside an HTTP 200 (Infura, Alchemy and others). */
  static final int LIMIT_EXCEEDED = -32005;

  private final int code;

  JsonRpcErrorException(String method, int code, String message) {
    super(method + " answered JSON-RPC error " + code + ": " + message);
    this.code = code;
  }

  int code() {
    return code;
  }
}
