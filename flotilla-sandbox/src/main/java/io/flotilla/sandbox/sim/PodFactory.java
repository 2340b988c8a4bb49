package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.Defaults;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.Map;

/** Pods from pod templates, owned by their controller. */
final class PodFactory {

  private PodFactory() {
  }

  static ObjectNode fromTemplate(JsonNode template, StoredObject owner, String name, Map<String, String> extraLabels) {
    ObjectNode pod = Json.object();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode meta = pod.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", owner.namespace());
    if (name.endsWith("-")) {
      meta.remove("name");
      meta.put("generateName", name);
    }
    ObjectNode labels = meta.putObject("labels");
    Json.labels(template).forEach(labels::put);
    extraLabels.forEach(labels::put);
    Map<String, String> annotations = Json.annotations(template);
    if (!annotations.isEmpty()) {
      ObjectNode a = meta.putObject("annotations");
      annotations.forEach(a::put);
    }
    meta.putArray("ownerReferences").add(Owners.controllerRef(owner));
    JsonNode spec = template.path("spec");
    pod.set("spec", spec.isObject() ? spec.deepCopy() : Json.object());
    Defaults.apply(ResourceCatalog.PODS, pod);
    return pod;
  }
}
