package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.chain.ChainClients;
import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.checkout.NetworkAttestations;
import dev.payrelay.gateway.config.ConfigurationProblem;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.chain.InvoicePaymentApplier;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.ChainVerifier;
import dev.payrelay.settlement.SettlementConfig;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.Verdict;
import dev.payrelay.settlement.network.Membership;
import dev.payrelay.settlement.network.NetworkConfig;
import dev.payrelay.settlement.network.SettlementNode;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The node in the settlement network (ARCHITECTURE "The settlement network"): its invoices as the
 * settlement engine's ledger, its database as the settlement store, its chains' endpoints as the
 * verifier, and a libp2p host with gossipsub and the sync protocol, started with the node and
 * stopped with it. {@code payrelay.network.enabled=false} leaves the node out of any network.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworkProperties.class)
@ConditionalOnProperty(
    name = "payrelay.network.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SettlementConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SettlementConfiguration.class);

  /** The known peers, one multiaddr per line, kept across restarts. */
  static final String PEERS_FILE = "peers.txt";

  @Bean
  InvoicingLedger invoicingLedger(
      ConnectionFactory connections, Clock clock, ExpectationRegistry expectations) {
    return new InvoicingLedger(
        DatabaseClient.create(connections),
        TransactionalOperator.create(new R2dbcTransactionManager(connections)),
        new InvoicePaymentApplier(clock, expectations));
  }

  @Bean(destroyMethod = "close")
  SettlementNode settlementNode(
      NodeIdentity identity,
      NetworkProperties properties,
      dev.payrelay.gateway.config.PayRelayProperties node,
      InvoicingLedger ledger,
      ConnectionFactory connections,
      Chains chains,
      ChainClients clients,
      Clock clock) {
    NetworkConfig config = networkConfig(properties, node.dataDir().resolve(PEERS_FILE));
    SettlementNode started =
        SettlementNode.start(
            identity,
            config,
            ledger,
            new PostgresSettlementStore(connections),
            ChainVerifier.of(clients.proofVerifiers(chains)),
            clock);
    LOG.info(
        "settlement network '{}': peer {} listening on {}",
        properties.id(),
        started.peerId(),
        started.listenAddresses());
    return started;
  }

  /** The nodes that confirmed a receipt of ours, for the receipt on the pay page. */
  @Bean
  NetworkAttestations networkAttestations(SettlementNode node) {
    return invoiceId ->
        node.engine()
            .receipt(new InvoiceRef(node.peerId(), invoiceId))
            .map(
                view ->
                    view.map(
                            v ->
                                v.attestations().stream()
                                    .filter(a -> a.verdict() == Verdict.CONFIRMED)
                                    .sorted(Comparator.comparing(Attestation::at))
                                    .map(
                                        a ->
                                            new NetworkAttestations.Confirmation(
                                                a.attester().toString(), a.at()))
                                    .toList())
                        .orElse(List.of()))
            .onErrorResume(
                e -> {
                  LOG.warn("attestations of invoice {} not read: {}", invoiceId, e.toString());
                  return Mono.just(List.of());
                });
  }

  /** Signed receipts for every confirmed payment, from the outbox (see {@link ReceiptChannel}). */
  @Bean
  OutboxChannel receiptChannel(SettlementNode node, InvoicingLedger ledger) {
    return new ReceiptChannel(node, ledger);
  }

  static NetworkConfig networkConfig(NetworkProperties properties, Path peersFile) {
    Set<PeerId> allowlist = new LinkedHashSet<>();
    for (String peer : properties.allowlist()) {
      allowlist.add(parse("allowlist", peer, PeerId::parse));
    }
    SettlementConfig settlement;
    try {
      settlement =
          properties.quorum() == 0
              ? SettlementConfig.of(properties.id())
              : new SettlementConfig(
                  properties.id(),
                  Optional.of(new SettlementConfig.Quorum(properties.quorum(), allowlist)));
    } catch (IllegalArgumentException e) {
      throw new NetworkConfigException("payrelay.network.id: " + e.getMessage());
    }
    List<Multiaddr> listen = addresses("listen", properties.listen());
    List<Multiaddr> bootstrap = addresses("bootstrap", properties.bootstrap());
    for (Multiaddr address : bootstrap) {
      if (address.peerId().isEmpty()) {
        throw new NetworkConfigException(
            "payrelay.network.bootstrap: " + address + " must end in /p2p/<peer id>");
      }
    }
    return NetworkConfig.defaults(properties.id(), listen.toArray(Multiaddr[]::new))
        .withSettlement(settlement)
        .withBootstrap(bootstrap)
        .withMembership(allowlist.isEmpty() ? Membership.open() : Membership.allowlist(allowlist))
        .withMaxConnections(properties.maxConnections())
        .withRetryHeldEvery(properties.retryHeldEvery())
        .withPeerStoreFile(Optional.of(peersFile));
  }

  private static List<Multiaddr> addresses(String property, List<String> texts) {
    List<Multiaddr> out = new ArrayList<>();
    for (String text : texts) {
      out.add(parse(property, text, Multiaddr::parse));
    }
    return out;
  }

  private static <T> T parse(
      String property, String text, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(text.strip());
    } catch (IllegalArgumentException e) {
      throw new NetworkConfigException(
          "payrelay.network." + property + ": '" + text + "' is not valid: " + e.getMessage());
    }
  }

  /** A network property an operator got wrong; the start fails with this one sentence. */
  static final class NetworkConfigException extends IllegalArgumentException
      implements ConfigurationProblem {
    private static final long serialVersionUID = 1L;

    NetworkConfigException(String message) {
      super(message);
    }
  }
}
