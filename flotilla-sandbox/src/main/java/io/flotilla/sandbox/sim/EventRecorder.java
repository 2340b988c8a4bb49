package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreException;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Records core/v1 Events about objects, as the components of a real cluster do. */
final class EventRecorder {

  private final ObjectStore store;
  private final AtomicLong sequence = new AtomicLong();

  EventRecorder(ObjectStore store) {
    this.store = store;
  }

  void normal(StoredObject about, String reason, String message, String component, String host) {
    record(about, "Normal", reason, message, component, host);
  }

  void warning(StoredObject about, String reason, String message, String component, String host) {
    record(about, "Warning", reason, message, component, host);
  }

  private void record(StoredObject about, String type, String reason, String message, String component,
                      String host) {
    Instant now = store.clock().instant();
    String namespace = about.namespace() == null ? "default" : about.namespace();
    ObjectNode event = Json.object();
    ObjectNode meta = event.putObject("metadata");
    meta.put("name", about.name() + "." + Long.toHexString(now.toEpochMilli() * 1000 + sequence.incrementAndGet()
        % 1000));
    meta.put("namespace", namespace);
    ObjectNode involved = event.putObject("involvedObject");
    involved.put("kind", about.type().kind());
    if (about.namespace() != null) {
      involved.put("namespace", about.namespace());
    }
    involved.put("name", about.name());
    involved.put("uid", about.uid());
    involved.put("apiVersion", about.type().apiVersion());
    involved.put("resourceVersion", Long.toString(about.resourceVersion()));
    if (about.type().equals(ResourceCatalog.PODS) && !reason.equals("Scheduled")
        && !reason.equals("FailedScheduling")) {
      String container = about.object().at("/spec/containers/0/name").asText("");
      involved.put("fieldPath", "spec.containers{" + container + "}");
    }
    event.put("reason", reason);
    event.put("message", message);
    ObjectNode source = event.putObject("source");
    source.put("component", component);
    if (host != null) {
      source.put("host", host);
    }
    event.put("firstTimestamp", Json.timestamp(now));
    event.put("lastTimestamp", Json.timestamp(now));
    event.put("count", 1);
    event.put("type", type);
    event.putNull("eventTime");
    event.put("reportingComponent", component);
    event.put("reportingInstance", host == null ? "" : host);
    try {
      store.create(ResourceCatalog.EVENTS, event, false);
    } catch (StoreException e) {
      // an event with the same name exists (same millisecond): the first one is enough
    }
  }
}
