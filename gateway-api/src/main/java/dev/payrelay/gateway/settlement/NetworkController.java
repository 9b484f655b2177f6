package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.error.ProblemType;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.settlement.SettlementEngine;
import dev.payrelay.settlement.network.NetworkStatus;
import dev.payrelay.settlement.network.PeerStatus;
import dev.payrelay.settlement.network.SettlementNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The operator's view of the settlement network: {@code GET /v1/network} (scope {@code node:read}):
 * this node's peer id and addresses, its peers with their gossip scores, the topics' mesh sizes and
 * what it holds back; {@code GET /v1/network/peers} the peers alone; {@code POST /v1/network/peers}
 * (scope {@code network:manage}) dials a multiaddr and remembers it.
 */
@RestController
@ConditionalOnProperty(
    name = "payrelay.network.enabled",
    havingValue = "true",
    matchIfMissing = true)
class NetworkController {
  static final String PEERS = "/v1/network/peers";

  /** How long a dial may take before the answer says the peer is unreachable. */
  static final Duration DIAL_TIMEOUT = Duration.ofSeconds(15);

  private final SettlementNode node;
  private final Access access;
  private final NetworkProperties properties;

  NetworkController(SettlementNode node, Access access, NetworkProperties properties) {
    this.node = node;
    this.access = access;
    this.properties = properties;
  }

  record Network(
      String networkId,
      String peerId,
      List<String> listenAddresses,
      List<Peer> peers,
      Map<String, Integer> meshSizes,
      Held held) {}

  record Peer(
      String peerId,
      List<String> addresses,
      String direction,
      double score,
      boolean graylisted,
      Instant connectedSince) {
    static Peer of(PeerStatus status) {
      return new Peer(
          status.peerId().toString(),
          status.addresses().stream().map(Multiaddr::toString).toList(),
          status.direction(),
          status.score(),
          status.graylisted(),
          status.connectedSince());
    }
  }

  record Held(int proofs, int receipts) {}

  record Peers(List<Peer> peers) {}

  record Dial(String address) {}

  record Dialed(String peerId, String address) {}

  @GetMapping(path = "/v1/network", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Network> network(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.NODE_READ)
        .then(
            Mono.fromCallable(
                    () -> {
                      NetworkStatus status = node.status();
                      SettlementEngine.Held held = node.engine().held();
                      return new Network(
                          properties.id(),
                          status.peerId().toString(),
                          status.listenAddresses().stream().map(Multiaddr::toString).toList(),
                          status.peers().stream().map(Peer::of).toList(),
                          status.meshSizes(),
                          new Held(held.proofs(), held.receipts()));
                    })
                // status() waits for the gossip router's thread: never on an event loop.
                .subscribeOn(Schedulers.boundedElastic()));
  }

  @GetMapping(path = PEERS, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Peers> peers(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.NODE_READ)
        .then(
            Mono.fromCallable(
                    () -> new Peers(node.status().peers().stream().map(Peer::of).toList()))
                .subscribeOn(Schedulers.boundedElastic()));
  }

  @PostMapping(
      path = PEERS,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Dialed>> dial(
      ServerWebExchange exchange, @RequestBody(required = false) Mono<Dial> body) {
    return access
        .require(exchange, Scope.NETWORK_MANAGE)
        .then(
            body.switchIfEmpty(
                Mono.error(
                    () ->
                        new ApiProblemException(
                            ProblemType.VALIDATION, "A JSON body with the address is required."))))
        .map(NetworkController::address)
        .flatMap(
            address ->
                Mono.fromFuture(() -> node.dial(address))
                    .timeout(DIAL_TIMEOUT)
                    .onErrorMap(e -> unreachable(address, e))
                    .map(
                        peer ->
                            ResponseEntity.status(HttpStatus.CREATED)
                                .body(new Dialed(peer.toString(), address.toString()))));
  }

  private static Multiaddr address(Dial dial) {
    String text = dial.address() == null ? "" : dial.address().strip();
    Multiaddr address;
    try {
      address = Multiaddr.parse(text);
    } catch (RuntimeException e) {
      throw invalid("is not a multiaddr: " + e.getMessage());
    }
    if (address.peerId().isEmpty() || address.toTcpSocketAddress().isEmpty()) {
      throw invalid("must be a TCP multiaddr ending in /p2p/<peer id>");
    }
    return address;
  }

  private static ApiProblemException invalid(String message) {
    return ApiProblemException.validation(
        "The address is not valid.", List.of(new FieldError("address", message)));
  }

  private static Throwable unreachable(Multiaddr address, Throwable e) {
    if (e instanceof ApiProblemException) {
      return e;
    }
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    String why =
        cause instanceof TimeoutException
            ? "no answer within " + DIAL_TIMEOUT.toSeconds() + " s"
            : String.valueOf(cause.getMessage());
    return new ApiProblemException(
        ProblemType.PEER_UNREACHABLE, "Could not connect to " + address + ": " + why + ".");
  }
}
