package dev.payrelay.gateway.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An EIP-1193 provider ({@code window.ethereum}) injected into every page before its scripts run,
 * standing in for a browser wallet extension: the page's requests queue up in the page, and the
 * test answers them from outside, forwarding to the dev chain (anvil signs for its own unlocked dev
 * accounts), so the page's CSP is untouched. See https://eips.ethereum.org/EIPS/eip-1193.
 */
final class InjectedWallet {

  static final String PROVIDER =
      "window.__walletRequests = []; window.__walletPending = {}; window.__walletNext = 0;"
          + " window.ethereum = { isInjectedTestWallet: true, request: function (req) {"
          + "  return new Promise(function (resolve, reject) { var id = window.__walletNext++;"
          + "   window.__walletPending[id] = { resolve: resolve, reject: reject };"
          + "   window.__walletRequests.push({ id: id, method: req.method, params: req.params || [] });"
          + "  }); } };";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(100);

  private final ChromeDriver driver;
  private final URI rpc;
  private final String account;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Installs the provider in {@code driver} for the pages it opens from now on. */
  InjectedWallet(ChromeDriver driver, URI rpc, String account) {
    this.driver = driver;
    this.rpc = rpc;
    this.account = account;
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROVIDER));
  }

  /** Answers the page's wallet requests until {@code done}, for at most {@code limit}. */
  void serveUntil(BooleanSupplier done, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JavascriptExecutor js = driver;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the page did not get there within " + limit);
      }
      String queued =
          (String) js.executeScript("return JSON.stringify(window.__walletRequests.splice(0));");
      for (JsonNode request : JSON.readTree(queued)) {
        String answer = answer(request.get("method").asString(), request.get("params"));
        js.executeScript(
            "window.__walletPending[arguments[0]].resolve(JSON.parse(arguments[1]));",
            request.get("id").asInt(),
            answer);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The JSON result of one EIP-1193 request. */
  private String answer(String method, JsonNode params) throws IOException, InterruptedException {
    switch (method) {
      case "eth_requestAccounts":
      case "eth_accounts":
        return "[\"" + account + "\"]";
      case "wallet_switchEthereumChain":
        return "null";
      default:
        return forward(method, params);
    }
  }

  private String forward(String method, JsonNode params) throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(rpc)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("error")) {
      throw new AssertionError("the dev chain refused " + method + ": " + answer.get("error"));
    }
    return JSON.writeValueAsString(answer.get("result"));
  }
}
