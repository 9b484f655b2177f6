package dev.payrelay.gateway.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every part of the node shares. Time is injected so tests can move it. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
