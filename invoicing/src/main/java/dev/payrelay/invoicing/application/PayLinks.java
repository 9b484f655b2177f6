package dev.payrelay.invoicing.application;

import java.net.URI;
import java.util.Objects;

/** Pay-link URLs: {@code <public base URL>/pay/<token>}, the buyer's hosted checkout page. */
public final class PayLinks {

  private final String base;

  /**
   * @param publicBaseUrl where buyers reach this node, e.g. {@code https://pay.example.com}
   */
  public PayLinks(URI publicBaseUrl) {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    if (!publicBaseUrl.isAbsolute()) {
      throw new IllegalArgumentException("the public base URL must be absolute: " + publicBaseUrl);
    }
    String text = publicBaseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** The pay link of the invoice whose pay token is {@code token}. */
  public URI url(String token) {
    return URI.create(base + "/pay/" + token);
  }
}
