package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.ObjectStore;

/** Server-assigned fields and defaulting for a new object (API creates and direct seeding alike). */
public final class Preparation {

  private Preparation() {
  }

  public static void prepare(ObjectStore store, ResourceType type, ObjectNode object) {
    ObjectNode meta = Json.with(object, "metadata");
    if (type.equals(ResourceCatalog.JOBS)) {
      String uid = meta.hasNonNull("uid") ? meta.get("uid").asText() : store.newUid();
      meta.put("uid", uid);
      ObjectNode spec = Json.with(object, "spec");
      if (!spec.has("selector")) {
        spec.putObject("selector").putObject("matchLabels").put("batch.kubernetes.io/controller-uid", uid);
        ObjectNode labels = Json.with(Json.with(Json.with(spec, "template"), "metadata"), "labels");
        labels.put("batch.kubernetes.io/controller-uid", uid);
        labels.put("controller-uid", uid);
        labels.put("batch.kubernetes.io/job-name", meta.path("name").asText());
        labels.put("job-name", meta.path("name").asText());
      }
    }
    if (type.equals(ResourceCatalog.SERVICES)) {
      ServiceIps.assign(object);
    }
    Defaults.apply(type, object);
    if (type.equals(ResourceCatalog.PODS) && !object.has("status")) {
      object.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
    }
  }
}
