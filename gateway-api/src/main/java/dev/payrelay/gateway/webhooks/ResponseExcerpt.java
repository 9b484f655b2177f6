package dev.payrelay.gateway.webhooks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@value #MAX_BYTES} bytes of an answer's body and then stops reading (cancelling
 * the rest), so a huge or endless answer costs the node nothing.
 */
final class ResponseExcerpt implements HttpResponse.BodySubscriber<byte[]> {

  /** 1 KiB: what a delivery's attempt log keeps of the answer. */
  static final int MAX_BYTES = 1024;

  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  static HttpResponse.BodyHandler<byte[]> handler() {
    return info -> new ResponseExcerpt();
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int take = Math.min(item.remaining(), MAX_BYTES - bytes.size());
      byte[] chunk = new byte[take];
      item.get(chunk);
      bytes.write(chunk, 0, take);
    }
    if (bytes.size() >= MAX_BYTES) {
      result.complete(bytes.toByteArray());
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }
}
