package dev.payrelay.gateway.node;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /v1/node}: who this node is, which version it runs, which chains it serves. */
@RestController
class NodeController {

  private final NodeService node;

  NodeController(NodeService node) {
    this.node = node;
  }

  @GetMapping(path = "/v1/node", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<NodeInfo> node() {
    return node.info();
  }
}
