package dev.payrelay.gateway.contract;

/**
 * One HTTP exchange as the contract sees it.
 *
 * @param path the request's raw path, with or without its query
 * @param requestContentType null without a request body
 * @param responseContentType null without a response body
 */
public record ContractExchange(
    String method,
    String path,
    String requestContentType,
    byte[] requestBody,
    int status,
    String responseContentType,
    byte[] responseBody) {

  public ContractExchange {
    requestBody = requestBody == null ? new byte[0] : requestBody;
    responseBody = responseBody == null ? new byte[0] : responseBody;
  }

  /** An exchange without a request body. */
  public static ContractExchange of(
      String method, String path, int status, String contentType, String body) {
    return new ContractExchange(
        method,
        path,
        null,
        null,
        status,
        contentType,
        body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The same exchange, with a JSON request body. */
  public ContractExchange withJsonRequest(String body) {
    return new ContractExchange(
        method,
        path,
        "application/json",
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        status,
        responseContentType,
        responseBody);
  }

  String pathWithoutQuery() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
