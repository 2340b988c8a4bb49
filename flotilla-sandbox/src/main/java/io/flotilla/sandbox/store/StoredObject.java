package io.flotilla.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceType;
import java.util.Map;

/**
 * One object in a sandbox store.
 *
 * @param type            its resource type
 * @param namespace       namespace, null for cluster-scoped objects
 * @param name            metadata.name
 * @param resourceVersion the store revision that last wrote it
 * @param object          the object; never mutate it (copy with {@link #copy()})
 */
public record StoredObject(ResourceType type, String namespace, String name, long resourceVersion,
                           ObjectNode object) {

  /** Key inside one resource type: {@code namespace/name} or {@code name}. */
  public String key() {
    return key(namespace, name);
  }

  public static String key(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  public String uid() {
    return Json.uid(object);
  }

  public Map<String, String> labels() {
    return Json.labels(object);
  }

  /** A mutable deep copy of the object. */
  public ObjectNode copy() {
    return object.deepCopy();
  }
}
