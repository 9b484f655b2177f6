package dev.payrelay.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The PayRelay node: a merchant's invoicing API, checkout pages and settlement-network peer in one
 * Spring Boot WebFlux application. With no configuration it runs on an embedded PostgreSQL under
 * its data directory (see {@code dev.payrelay.gateway.database}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayRelayApplication {

  public static void main(String[] args) {
    SpringApplication.run(PayRelayApplication.class, args);
  }
}
