package dev.payrelay.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which targets webhooks may reach (SSRF): address classes and URL forms. */
class TargetGuardTest {

  @Test
  void onlyPublicUnicastAddressesArePublic() throws Exception {
    List<String> refused =
        List.of(
            "0.0.0.0",
            "0.1.2.3",
            "10.0.0.1",
            "100.64.0.1",
            "100.127.255.254",
            "127.0.0.1",
            "127.255.0.9",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "192.168.1.1",
            "198.18.0.1",
            "198.19.255.255",
            "198.51.100.7",
            "203.0.113.9",
            "224.0.0.1",
            "239.1.2.3",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "fec0::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.1.2.3",
            "::ffff:169.254.169.254",
            "2001:db8::1",
            "2002:7f00:1::1",
            "64:ff9b::a9fe:a9fe",
            "::127.0.0.1");
    for (String text : refused) {
      assertThat(TargetGuard.isPublic(InetAddress.getByName(text))).as(text).isFalse();
    }
    List<String> allowed =
        List.of(
            "1.1.1.1",
            "8.8.8.8",
            "93.184.215.14",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.0.1",
            "172.32.0.1",
            "192.169.0.1",
            "223.255.255.254",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
            "2002:0808:0808::1",
            "64:ff9b::808:808");
    for (String text : allowed) {
      assertThat(TargetGuard.isPublic(InetAddress.getByName(text))).as(text).isTrue();
    }
  }

  @Test
  void everyAddressOfAHostIsCheckedAndTheSwitchLiftsTheCheck() {
    TargetGuard strict = new TargetGuard(false);
    assertThatThrownBy(() -> strict.check(URI.create("http://localhost:8080/h")).block(timeout()))
        .hasCauseInstanceOf(TargetGuard.Refused.class)
        .hasMessageContaining("allow-private-targets");
    assertThatThrownBy(() -> strict.check(URI.create("http://[::1]/h")).block(timeout()))
        .hasCauseInstanceOf(TargetGuard.Refused.class);
    strict.check(URI.create("https://93.184.215.14/hook")).block(timeout());
    new TargetGuard(true).check(URI.create("http://127.0.0.1:1/hook")).block(timeout());
  }

  @Test
  void urlsMustBeAbsoluteHttpWithoutCredentialsOrFragments() throws Exception {
    for (String bad :
        List.of(
            "",
            "shop.example.com/hook",
            "/hook",
            "ftp://shop.example.com/hook",
            "file:///etc/passwd",
            "http://user:pw@shop.example.com/hook",
            "https://shop.example.com/hook#x",
            "http://shop example.com/",
            "http:///nohost",
            "http://shop.example.com:0/",
            "https://" + "a".repeat(2050) + ".com/")) {
      assertThatThrownBy(() -> TargetGuard.parse(bad))
          .as(bad)
          .isInstanceOf(TargetGuard.Refused.class);
    }
    assertThat(TargetGuard.parse("HTTPS://shop.example.com:8443/p?q=1").getPort()).isEqualTo(8443);
  }

  private static Duration timeout() {
    return Duration.ofSeconds(10);
  }
}
