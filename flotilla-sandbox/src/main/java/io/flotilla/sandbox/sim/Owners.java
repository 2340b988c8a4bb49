package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;

/** ownerReferences helpers. */
final class Owners {

  private Owners() {
  }

  static ObjectNode controllerRef(StoredObject owner) {
    ObjectNode ref = Json.object();
    ref.put("apiVersion", owner.type().apiVersion());
    ref.put("kind", owner.type().kind());
    ref.put("name", owner.name());
    ref.put("uid", owner.uid());
    ref.put("controller", true);
    ref.put("blockOwnerDeletion", true);
    return ref;
  }

  /** The controller ownerReference of an object, or null. */
  static JsonNode controllerOf(JsonNode object) {
    for (JsonNode ref : Json.metadata(object).path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        return ref;
      }
    }
    return null;
  }

  static boolean ownedBy(JsonNode object, String uid) {
    JsonNode ref = controllerOf(object);
    return ref != null && uid.equals(ref.path("uid").asText());
  }
}
