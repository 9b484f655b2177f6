package dev.payrelay.settlement.network;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link NetNode}s (and anything else a test opens) and closes them after each test, the
 * newest first. Register with {@code @RegisterExtension}.
 */
final class NetNodes implements AfterEachCallback {
  private final List<AutoCloseable> closing = new ArrayList<>();

  NetNode start(NetworkConfig config) {
    return closeAfter(new NetNode(config));
  }

  <T extends AutoCloseable> T closeAfter(T resource) {
    closing.add(0, resource);
    return resource;
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (AutoCloseable each : closing) {
      each.close();
    }
    closing.clear();
  }
}
