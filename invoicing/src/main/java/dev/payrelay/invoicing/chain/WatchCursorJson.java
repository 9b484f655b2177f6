package dev.payrelay.invoicing.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.TrackedTransfer;
import dev.payrelay.wallet.watch.WatchCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * The watcher's cursor as the JSON stored in {@code chain_watch_cursors.cursor}. Versioned: a
 * cursor of an unknown version is refused rather than misread.
 */
final class WatchCursorJson {

  static final int VERSION = 1;

  private final ObjectMapper json;

  WatchCursorJson(ObjectMapper json) {
    this.json = json;
  }

  String write(WatchCursor cursor) {
    ObjectNode node = json.createObjectNode();
    node.put("v", VERSION);
    node.set("checkpoint", checkpoint(cursor.checkpoint()));
    ArrayNode recent = node.putArray("recentBlocks");
    cursor.recentBlocks().forEach(b -> recent.add(checkpoint(b)));
    ArrayNode tracked = node.putArray("tracked");
    for (TrackedTransfer t : cursor.tracked()) {
      ObjectNode item = tracked.addObject();
      item.set("transfer", TransferJson.write(json, t.transfer()));
      item.put("invoiceKey", t.invoiceKey());
      item.put("confirmed", t.confirmed());
    }
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a watch cursor could not be written as JSON", e);
    }
  }

  WatchCursor read(String text) {
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored watch cursor is not JSON", e);
    }
    int version = node.path("v").asInt(-1);
    if (version != VERSION) {
      throw new IllegalStateException(
          "a stored watch cursor has version " + version + "; this node reads " + VERSION);
    }
    List<Checkpoint> recent = new ArrayList<>();
    node.required("recentBlocks").forEach(b -> recent.add(checkpoint(b)));
    List<TrackedTransfer> tracked = new ArrayList<>();
    for (JsonNode item : node.required("tracked")) {
      tracked.add(
          new TrackedTransfer(
              TransferJson.read(item.required("transfer")),
              item.required("invoiceKey").asText(),
              item.required("confirmed").asBoolean()));
    }
    return new WatchCursor(checkpoint(node.required("checkpoint")), recent, tracked);
  }

  private ObjectNode checkpoint(Checkpoint c) {
    ObjectNode node = json.createObjectNode();
    node.put("number", c.number());
    node.put("hash", c.hash());
    return node;
  }

  private static Checkpoint checkpoint(JsonNode node) {
    return new Checkpoint(node.required("number").asLong(), node.required("hash").asText());
  }
}
