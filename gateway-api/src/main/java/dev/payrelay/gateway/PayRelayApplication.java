package dev.payrelay.gateway;

import dev.payrelay.gateway.cli.CommandLine;
import dev.payrelay.gateway.cli.Outcome;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The PayRelay node: a merchant's invoicing API, checkout pages and settlement-network peer in one
 * Spring Boot WebFlux application. With no configuration it runs on an embedded PostgreSQL under
 * its data directory (see {@code dev.payrelay.gateway.database}). The first argument may be an
 * operator command ({@code init}, {@code id}, {@code join}, {@code help}; see {@link CommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayRelayApplication {

  public static void main(String[] args) {
    Outcome outcome = CommandLine.execute(args, System.out, System.err);
    if (!outcome.runNode()) {
      System.exit(outcome.exitCode());
    }
    SpringApplication.run(PayRelayApplication.class, outcome.nodeArgumentArray());
  }
}
