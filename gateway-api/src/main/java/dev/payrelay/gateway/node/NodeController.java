package dev.payrelay.gateway.node;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Scope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/node} (scope {@code node:read}): who this node is, which version it runs, which
 * chains it serves.
 */
@RestController
class NodeController {

  private final NodeService node;
  private final Access access;

  NodeController(NodeService node, Access access) {
    this.node = node;
    this.access = access;
  }

  @GetMapping(path = "/v1/node", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<NodeInfo> node(ServerWebExchange exchange) {
    return access.require(exchange, Scope.NODE_READ).then(Mono.defer(node::info));
  }
}
