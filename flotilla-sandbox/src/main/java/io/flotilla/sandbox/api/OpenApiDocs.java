package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import java.util.List;
import java.util.Map;

/**
 * A minimal OpenAPI v3 surface: the {@code /openapi/v3} index and, per group version, PATCH operations
 * tagged with their group-version-kind and the {@code fieldValidation} parameter. That is what kubectl
 * needs to choose server-side field validation (so it does not try to download full schemas). No object
 * schemas are published; {@code /openapi/v2} is not served (kubectl asks for protobuf there). Pure logic.
 */
public final class OpenApiDocs {

  private final ResourceCatalog catalog;

  public OpenApiDocs(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  public ObjectNode index() {
    ObjectNode doc = Json.object();
    ObjectNode paths = doc.putObject("paths");
    for (String groupVersion : catalog.byGroupVersion().keySet()) {
      String key = groupVersion.contains("/") ? "apis/" + groupVersion : "api/" + groupVersion;
      paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(groupVersion));
    }
    return doc;
  }

  /** The document of {@code api/v1} or {@code apis/group/version}, or null. */
  public ObjectNode groupVersion(String key) {
    String groupVersion = key.startsWith("apis/") ? key.substring(5) : key.startsWith("api/") ? key.substring(4)
        : key;
    Map<String, List<ResourceType>> all = catalog.byGroupVersion();
    List<ResourceType> types = all.get(groupVersion);
    if (types == null) {
      return null;
    }
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = doc.putObject("paths");
    for (ResourceType type : types) {
      String item = type.namespaced() ? type.basePath() + "/namespaces/{namespace}/" + type.plural() + "/{name}"
          : type.basePath() + "/" + type.plural() + "/{name}";
      ObjectNode patch = paths.putObject(item).putObject("patch");
      patch.put("operationId", "patch" + type.kind());
      patch.putObject("x-kubernetes-group-version-kind").put("group", type.group()).put("version", type.version())
          .put("kind", type.kind());
      patch.put("x-kubernetes-action", "patch");
      ArrayNode parameters = patch.putArray("parameters");
      for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
        parameters.addObject().put("name", name).put("in", "query").put("uniqueItems", true)
            .putObject("schema").put("type", name.equals("force") ? "boolean" : "string");
      }
      ObjectNode content = patch.putObject("requestBody").putObject("content");
      for (String mediaType : List.of("application/apply-patch+yaml", "application/json-patch+json",
          "application/merge-patch+json", "application/strategic-merge-patch+json")) {
        content.putObject(mediaType).putObject("schema").put("type", "object");
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  private static String hash(String groupVersion) {
    return String.format("%016X", (long) groupVersion.hashCode() * 0x9E3779B97F4A7C15L);
  }
}
