package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Serves the custom resources of CustomResourceDefinitions: registers their types in the catalog. */
final class CustomResources {

  private CustomResources() {
  }

  static void register(ResourceCatalog catalog, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    JsonNode names = spec.path("names");
    List<String> shortNames = new ArrayList<>();
    names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
    List<String> categories = new ArrayList<>();
    names.path("categories").forEach(s -> categories.add(s.asText()));
    catalog.unregister(group, names.path("plural").asText());
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      Set<String> subresources = version.at("/subresources/status").isObject() ? Set.of("status") : Set.of();
      catalog.register(new ResourceType(group, version.path("name").asText(), names.path("plural").asText(),
          names.path("singular").asText(names.path("kind").asText().toLowerCase(java.util.Locale.ROOT)),
          names.path("kind").asText(), "Namespaced".equals(spec.path("scope").asText("Namespaced")), shortNames,
          categories, subresources));
    }
  }

  static void unregister(ResourceCatalog catalog, ObjectStore store, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    String plural = spec.path("names").path("plural").asText();
    for (ResourceType type : catalog.customTypes()) {
      if (type.group().equals(group) && type.plural().equals(plural)) {
        for (StoredObject o : List.copyOf(store.list(type, null))) {
          store.deleteIfPresent(type, o.namespace(), o.name());
        }
      }
    }
    catalog.unregister(group, plural);
  }
}
