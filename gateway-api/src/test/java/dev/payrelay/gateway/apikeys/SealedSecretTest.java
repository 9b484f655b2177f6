package dev.payrelay.gateway.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.auth.ApiKeyToken;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SealedSecretTest {

  private final SecureRandom random = new SecureRandom();
  private final ApiKeyToken creator = ApiKeyToken.generate(random);
  private final String secret = ApiKeyToken.generate(random).value();

  @Test
  void onlyTheSameCreatorAndContextOpenASeal() {
    String sealed = new SealedSecret(creator, "store\nkey-1").seal(secret, random);
    assertThat(sealed).startsWith("sealed.v1.").doesNotContain(secret.substring(16));
    assertThat(new SealedSecret(creator, "store\nkey-1").open(sealed)).contains(secret);
    assertThat(new SealedSecret(creator, "store\nkey-2").open(sealed)).isEmpty();
    assertThat(new SealedSecret(ApiKeyToken.generate(random), "store\nkey-1").open(sealed))
        .isEmpty();
  }

  @Test
  void tamperedOrForeignTextDoesNotOpen() {
    SealedSecret seal = new SealedSecret(creator, "c");
    String sealed = seal.seal(secret, random);
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(seal.open(tampered)).isEmpty();
    assertThat(seal.open(secret)).isEmpty();
    assertThat(seal.open("sealed.v1.")).isEmpty();
    assertThat(seal.open("sealed.v1.!!!")).isEmpty();
    assertThat(seal.open(null)).isEmpty();
  }
}
