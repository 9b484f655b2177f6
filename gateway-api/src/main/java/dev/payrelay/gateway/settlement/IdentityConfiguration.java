package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.identity.NodeKeyFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's network identity: an Ed25519 key in {@code <data-dir>/node.key}, created on first
 * start with mode 0600 and refused (the start fails with one sentence, see {@link
 * NodeKeyFailureAnalyzer}) if others may read it.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  @Bean
  NodeIdentity nodeIdentity(PayRelayProperties properties) {
    return NodeKeyFile.loadOrCreate(properties.dataDir());
  }
}
