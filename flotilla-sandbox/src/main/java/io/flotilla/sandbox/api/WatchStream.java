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
 */
public record WatchStream(ObjectStore store, ResourceType type, String namespace, LabelSelector labels,
                          FieldSelector fields, long fromRevision, boolean asTable, long timeoutSeconds)
    implements ApiResult {

  /**
   * Starts delivering encoded events (each ends with a newline) to {@code sink}; the sink is called under
   * the store lock and must not block.
   */
  public WatchSubscription open(Consumer<byte[]> sink) {
    return store.watch(type, namespace, labels, fields, fromRevision, event -> sink.accept(encode(event)));
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
    byte[] json = Json.bytes(wire);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }
}
