package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A followed container log ({@code pods/log?follow=true}) that the HTTP layer streams as chunked
 * text: first {@link #initial}, then, on every tick, the lines written since the previous tick,
 * until the pod is deleted (the stream then ends, as when a container's log file is closed).
 *
 * @param store     the cluster store
 * @param namespace pod namespace
 * @param pod       pod name
 * @param uid       uid of the followed pod: a new pod of the same name ends the stream
 * @param container container name, or null for the first one
 * @param initial   what a plain read would have returned at {@code openedAt}
 * @param openedAt  when the stream was opened
 */
public record LogStream(ObjectStore store, String namespace, String pod, String uid, String container,
                        String initial, Instant openedAt) implements ApiResult {

  /**
   * The lines written after {@code after} up to now, or empty when the pod is gone (end the stream).
   */
  public Optional<String> next(Instant after, Instant now) {
    Optional<StoredObject> current = store.get(ResourceCatalog.PODS, namespace, pod);
    if (current.isEmpty() || !uid.equals(current.get().uid())) {
      return Optional.empty();
    }
    JsonNode object = current.get().object();
    return Optional.of(PodLogs.between(object, container, after, now));
  }

  public Instant now() {
    return store.clock().instant();
  }
}
