package dev.payrelay.gateway.checkout;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers of every answer under {@code /pay/} and {@code /checkout/} (the pages and their
 * static files): a strict Content Security Policy (scripts, styles and requests to this node only;
 * no inline script or style; no framing), {@code Referrer-Policy: no-referrer} so the pay-link
 * token never leaves in a Referer header, and no MIME sniffing. See the CSP Level 3 specification
 * (https://www.w3.org/TR/CSP3/).
 */
final class CheckoutHeaders implements WebFilter {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    if (path.startsWith("/pay/") || path.startsWith("/checkout/")) {
      exchange
          .getResponse()
          .beforeCommit(
              () -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", CSP);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                if (path.startsWith("/pay/")
                    && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                  headers.setCacheControl("no-store");
                }
                return Mono.empty();
              });
    }
    return chain.filter(exchange);
  }
}
