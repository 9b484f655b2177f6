package dev.payrelay.gateway.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * On a {@code @SpringBootTest} with {@code @AutoConfigureWebTestClient}: the autowired {@code
 * WebTestClient} validates every exchange against openapi/openapi.yaml ({@link
 * ContractValidation}), so every API test is also a contract test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(ValidatesContract.Configuration.class)
public @interface ValidatesContract {

  /** Adds the validating filter to the test's {@code WebTestClient}. */
  @TestConfiguration(proxyBeanMethods = false)
  class Configuration {

    @Bean
    WebTestClientBuilderCustomizer contractValidation() {
      return builder -> builder.filter(ContractValidation.filter(ContractValidator.shared()));
    }
  }
}
