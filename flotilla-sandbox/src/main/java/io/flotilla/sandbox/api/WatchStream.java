package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.FieldSelector;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreEvent;
import io.flotilla.sandbox.store.WatchSubscription;
import java.util.List;
import java.util.function.Consumer;

/**
 * A watch the HTTP layer streams: newline-delimited {@code WatchEvent} JSON over chunked HTTP, or one
 * event per frame over a websocket.
 *
 * @param store          the cluster store
 * @param type           watched resource
 * @param namespace      namespace or null
 * @param labels         label selector
 * @param fields         field selector
 * @param fromRevision   resume after this revision; negative sends the current state first
 * @param asTable        wrap each object in a one-row Table (kubectl get -w)
 * @param timeoutSeconds end the watch after this many seconds (0 = never)
 * @param bookmarks      the client asked for BOOKMARK events ({@code allowWatchBookmarks=true})
 */
public record WatchStream(ObjectStore store, ResourceType type, String namespace, LabelSelector labels,
                          FieldSelector fields, long fromRevision, boolean asTable, long timeoutSeconds,
                          boolean bookmarks)
    implements ApiResult {

  /** How often an open watch that asked for them gets a BOOKMARK (the API server sends one about every minute). */
  public static final long BOOKMARK_INTERVAL_MILLIS = 60_000;

  /**
   * Starts delivering encoded events (each ends with a newline) to {@code sink}; the sink is called under
   * the store lock and must not block.
   */
  public WatchSubscription open(Consumer<byte[]> sink) {
    return store.watch(type, namespace, labels, fields, fromRevision, event -> sink.accept(encode(event)));
  }

  /**
   * Sends a BOOKMARK carrying the store's current revision to {@code sink} (the sink of {@link #open}):
   * every event up to that revision has been delivered before it, so a client can resume from it.
   */
  public void bookmark(Consumer<byte[]> sink) {
    store.atRevision(revision -> {
      ObjectNode wire = Json.object();
      wire.put("type", "BOOKMARK");
      ObjectNode object = wire.putObject("object");
      object.put("kind", asTable ? "Table" : type.kind());
      object.put("apiVersion", asTable ? "meta.k8s.io/v1" : type.apiVersion());
      object.putObject("metadata").put("resourceVersion", Long.toString(revision));
      sink.accept(line(Json.bytes(wire)));
    });
  }

  private static byte[] line(byte[] json) {
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }

  private byte[] encode(StoreEvent event) {
    ObjectNode wire = Json.object();
    wire.put("type", event.type().name());
    if (asTable) {
      wire.set("object", TableConverter.table(type, List.of(event.object()), event.revision(), null, false,
          store.clock().instant()));
    } else {
      wire.set("object", event.object().object());
    }
    return line(Json.bytes(wire));
  }
}
