package dev.payrelay.gateway.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where webhooks may be sent (server-side request forgery defence, OWASP SSRF Prevention Cheat
 * Sheet): an absolute {@code http} or {@code https} URL without credentials or fragment, whose host
 * resolves only to public unicast addresses. Every address the host resolves to is checked, when an
 * endpoint is saved and again before every attempt, so a DNS answer changed to a private address
 * (rebinding) is refused too. {@code payrelay.webhooks.allow-private-targets} lifts the address
 * check for development.
 */
final class TargetGuard {

  /** As {@code webhook_endpoints.url} allows. */
  static final int MAX_URL_CHARS = 2048;

  /** Why a URL is refused; its message is shown to the merchant. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final boolean allowPrivate;

  TargetGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** The URL in {@code text} if its form is acceptable (no lookup). */
  static URI parse(String text) throws Refused {
    if (text == null || text.isEmpty()) {
      throw new Refused("is required");
    }
    if (text.length() > MAX_URL_CHARS) {
      throw new Refused("must be at most " + MAX_URL_CHARS + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new Refused("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new Refused("must be an absolute http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Refused("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("must not contain a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw new Refused("must not contain a fragment (#...)");
    }
    if (uri.getPort() == 0) {
      throw new Refused("must not use port 0");
    }
    return uri;
  }

  /** Completes if {@code url}'s host may be called now; else a {@link Refused} error. */
  Mono<Void> check(URI url) {
    if (allowPrivate) {
      return Mono.empty();
    }
    String host = url.getHost();
    return Mono.fromCallable(() -> resolve(host))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            addresses -> {
              for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                  return Mono.error(
                      new Refused(
                          "resolves to "
                              + address.getHostAddress()
                              + ", a loopback, private, link-local or reserved address; such"
                              + " targets are refused (payrelay.webhooks.allow-private-targets)"));
                }
              }
              return Mono.empty();
            });
  }

  private static List<InetAddress> resolve(String host) throws Refused {
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      return Arrays.asList(InetAddress.getAllByName(literal));
    } catch (UnknownHostException e) {
      throw new Refused("has a host that does not resolve: " + host);
    }
  }

  /** Whether {@code address} is a public unicast address (not special-purpose, RFC 6890). */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      if ((first == 0xfe) && ((b[1] & 0xc0) == 0xc0)) {
        return false; // fec0::/10 site local (deprecated)
      }
      if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      if (first == 0x20 && b[1] == 0x02) {
        return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
      }
      if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
      }
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= b[i] == 0;
      }
      if (zeroPrefix) {
        // ::/80: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or unspecified forms.
        return ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
            && isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 // this network
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64.0.0/10 shared (CGNAT)
        || (a0 == 169 && a1 == 254)
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol, TEST-NET-1
        || (a0 == 192 && a1 == 168)
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking
        || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
        || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
        || a0 >= 224); // multicast, reserved, broadcast
  }
}
