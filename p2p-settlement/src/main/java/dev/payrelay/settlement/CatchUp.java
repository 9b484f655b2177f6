package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.message.MessageFormatException;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SyncItem;
import dev.payrelay.settlement.message.SyncRequest;
import dev.payrelay.settlement.message.SyncResponse;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Catch-up over {@value SyncRequest#PROTOCOL_ID}: answers a peer's request from the store in
 * bounded pages, and on (re)connection asks a peer for everything after the last cursor processed
 * from it, feeding each item through the same validation as gossip. A peer whose page holds an
 * invalid item is penalized; the cursor moves on either way, so one bad item cannot stall sync.
 */
final class CatchUp {
  /** Items asked for per page. */
  static final int PAGE_ITEMS = SyncRequest.MAX_PAGE_ITEMS;

  /** Pages fetched from one peer per catch-up; the next connection continues from the cursor. */
  static final int MAX_PAGES_PER_CATCH_UP = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

  private final EngineContext node;
  private final BiFunction<SettlementMessage, Source, Mono<ValidationResult>> dispatch;

  CatchUp(
      EngineContext node, BiFunction<SettlementMessage, Source, Mono<ValidationResult>> dispatch) {
    this.node = node;
    this.dispatch = dispatch;
  }

  /** The sync server: one page of the store after the request's cursor. */
  Mono<byte[]> answer(byte[] requestBytes) {
    return Mono.fromCallable(() -> SyncRequest.decode(requestBytes))
        .flatMap(
            request ->
                node.store()
                    .since(request.cursor(), Math.min(request.limit(), PAGE_ITEMS))
                    .map(
                        items ->
                            new SyncResponse(
                                    items,
                                    items.isEmpty()
                                        ? request.cursor()
                                        : items.get(items.size() - 1).cursor())
                                .encode()));
  }

  /**
   * Fetches and processes every page {@code peer} has after our cursor for it.
   *
   * @return the number of items processed
   */
  Mono<Integer> from(PeerId peer) {
    return node.store().peerCursor(peer).flatMap(cursor -> pages(peer, cursor, 0, 0));
  }

  private Mono<Integer> pages(PeerId peer, long cursor, int page, int processed) {
    if (page == MAX_PAGES_PER_CATCH_UP) {
      return Mono.just(processed);
    }
    byte[] request = new SyncRequest(cursor, PAGE_ITEMS).encode();
    return node.network()
        .requestSync(peer, request)
        .flatMap(bytes -> decode(peer, bytes, cursor))
        .flatMap(
            response ->
                Flux.fromIterable(response.items())
                    .concatMap(item -> process(peer, item))
                    .then(node.store().savePeerCursor(peer, response.nextCursor()))
                    .then(
                        Mono.defer(
                            () -> {
                              int total = processed + response.items().size();
                              boolean more =
                                  response.items().size() == PAGE_ITEMS
                                      && response.nextCursor() > cursor;
                              return more
                                  ? pages(peer, response.nextCursor(), page + 1, total)
                                  : Mono.just(total);
                            })))
        .defaultIfEmpty(processed);
  }

  private Mono<SyncResponse> decode(PeerId peer, byte[] bytes, long cursor) {
    try {
      SyncResponse response = SyncResponse.decode(bytes);
      if (!response.items().isEmpty() && response.items().get(0).cursor() <= cursor) {
        throw new IllegalArgumentException("the page starts at or before the requested cursor");
      }
      return Mono.just(response);
    } catch (MessageFormatException | IllegalArgumentException e) {
      LOG.warn("sync from {}: not a valid page ({})", peer, e.getMessage());
      node.network().penalize(peer, Penalty.MALFORMED_SYNC_RESPONSE);
      return Mono.empty();
    }
  }

  private Mono<Void> process(PeerId peer, SyncItem item) {
    return dispatch
        .apply(item.message(), Source.sync(peer))
        .doOnNext(
            result -> {
              if (result == ValidationResult.REJECT) {
                node.network().penalize(peer, Penalty.INVALID_SYNC_ITEM);
              }
            })
        .then();
  }
}
