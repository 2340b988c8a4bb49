package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.DeletePropagation;
import io.flotilla.sandbox.store.FieldSelector;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ListResult;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.Patches;
import io.flotilla.sandbox.store.StoreException;
import io.flotilla.sandbox.store.StoredObject;
import io.flotilla.sandbox.store.WriteMode;
import java.util.List;
import java.util.Objects;

/** The verbs on resource URLs: get, list, watch, create, update, patch (incl. apply), delete. */
final class ResourceHandler {

  private final ObjectStore store;
  private final ResourceCatalog catalog;
  private final Subresources subresources;

  ResourceHandler(ObjectStore store, ResourceCatalog catalog) {
    this.store = store;
    this.catalog = catalog;
    this.subresources = new Subresources(store, this);
  }

  ApiResult handle(ApiRequest request, ApiPath path) {
    ResourceType type = catalog.find(path.group(), path.version(), path.plural())
        .orElseThrow(() -> new StoreException(404, "NotFound", "the server could not find the requested resource"));
    if (path.namespace() != null && !type.namespaced()) {
      throw new StoreException(404, "NotFound", "the server could not find the requested resource");
    }
    String ns = type.namespaced() ? path.namespace() : null;
    String name = path.name();
    String sub = path.subresource();
    if (sub != null && !type.subresources().contains(sub)) {
      throw new StoreException(404, "NotFound", "the server could not find the requested resource");
    }
    try {
      return switch (request.method()) {
        case "GET" -> {
          if (name == null || path.watchPrefix() && sub == null && request.flag("watch")) {
            yield request.flag("watch") || path.watchPrefix() ? watch(request, type, ns, name) : list(request, type, ns);
          }
          if (path.watchPrefix()) {
            yield watch(request, type, ns, name);
          }
          yield sub == null || sub.equals("status") ? get(request, type, ns, name) : subresources.get(request, type,
              ns, name, sub);
        }
        case "POST" -> name == null ? create(request, type, ns) : subresources.post(request, type, ns, name, sub);
        case "PUT" -> "scale".equals(sub) ? subresources.putScale(request, type, ns, name)
            : update(request, type, ns, name, "status".equals(sub) ? WriteMode.STATUS : WriteMode.MAIN);
        case "PATCH" -> "scale".equals(sub) ? subresources.patchScale(request, type, ns, name)
            : patch(request, type, ns, name, "status".equals(sub) ? WriteMode.STATUS : WriteMode.MAIN);
        case "DELETE" -> name == null ? deleteCollection(request, type, ns) : delete(request, type, ns, name);
        default -> StatusDocs.failure(405, "MethodNotAllowed", "method " + request.method() + " is not supported");
      };
    } catch (StoreException e) {
      return StatusDocs.failure(e, type, name);
    }
  }

  // ------------------------------------------------------------------ reads

  private ApiResult get(ApiRequest request, ResourceType type, String ns, String name) {
    StoredObject object = store.get(type, ns, name)
        .orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
    if (request.wantsTable()) {
      return ApiResponse.json(200, TableConverter.table(type, List.of(object), object.resourceVersion(), null,
          "Object".equals(request.param("includeObject")), store.clock().instant()));
    }
    return ApiResponse.json(200, object.object());
  }

  private ApiResult list(ApiRequest request, ResourceType type, String ns) {
    LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
    FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"));
    long limit = parseLong(request.param("limit"), 0);
    ListResult result = store.list(type, ns, labels, fields, limit, request.param("continue"));
    if (request.wantsTable()) {
      return ApiResponse.json(200, TableConverter.table(type, result.items(), result.revision(),
          result.continueToken(), "Object".equals(request.param("includeObject")), store.clock().instant()));
    }
    ObjectNode list = Json.object();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    ObjectNode meta = list.putObject("metadata");
    meta.put("resourceVersion", Long.toString(result.revision()));
    if (result.continueToken() != null) {
      meta.put("continue", result.continueToken());
      meta.put("remainingItemCount", result.remaining());
    }
    ArrayNode items = list.putArray("items");
    result.items().forEach(o -> items.add(o.object()));
    return ApiResponse.json(200, list);
  }

  private ApiResult watch(ApiRequest request, ResourceType type, String ns, String name) {
    LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
    String fieldText = request.param("fieldSelector");
    if (name != null) {
      fieldText = (fieldText == null || fieldText.isEmpty() ? "" : fieldText + ",") + "metadata.name=" + name;
    }
    FieldSelector fields = FieldSelector.parse(fieldText);
    String rv = request.param("resourceVersion");
    long from = rv == null || rv.isEmpty() || rv.equals("0") || request.flag("sendInitialEvents") ? -1
        : parseLong(rv, -1);
    if (from < 0 && rv != null && !rv.isEmpty() && !rv.equals("0") && !request.flag("sendInitialEvents")) {
      throw StoreException.badRequest("invalid resourceVersion: " + rv);
    }
    return new WatchStream(store, type, ns, labels, fields, from, request.wantsTable(),
        parseLong(request.param("timeoutSeconds"), 0), request.flag("allowWatchBookmarks"));
  }

  // ------------------------------------------------------------------ writes

  private ApiResult create(ApiRequest request, ResourceType type, String ns) {
    ObjectNode object = body(request, type);
    checkKind(type, object);
    ObjectNode meta = Json.with(object, "metadata");
    if (type.namespaced()) {
      String bodyNs = meta.path("namespace").asText("");
      String effective = ns != null ? ns : bodyNs.isEmpty() ? "default" : bodyNs;
      if (!bodyNs.isEmpty() && !bodyNs.equals(effective)) {
        throw StoreException.badRequest("the namespace of the provided object does not match the namespace sent"
            + " on the request");
      }
      meta.put("namespace", effective);
      requireNamespace(effective);
    }
    String name = meta.path("name").asText("");
    if (!name.isEmpty()) {
      validateName(type, name);
    }
    if (type.hasStatus() && !type.equals(ResourceCatalog.NAMESPACES)) {
      object.remove("status");
    }
    prepare(type, object);
    StoredObject created = store.create(type, object, request.dryRun());
    afterWrite(type, created);
    return ApiResponse.json(201, created.object());
  }

  private ApiResult update(ApiRequest request, ResourceType type, String ns, String name, WriteMode mode) {
    ObjectNode object = body(request, type);
    checkKind(type, object);
    ObjectNode meta = Json.with(object, "metadata");
    if (!name.equals(meta.path("name").asText(name))) {
      throw StoreException.badRequest("the name of the object (" + meta.path("name").asText()
          + ") does not match the name on the URL (" + name + ")");
    }
    meta.put("name", name);
    if (ns != null) {
      meta.put("namespace", ns);
    }
    if (mode == WriteMode.MAIN) {
      Defaults.apply(type, object);
    }
    StoredObject updated = store.update(type, object, mode, request.dryRun());
    afterWrite(type, updated);
    return ApiResponse.json(200, updated.object());
  }

  private ApiResult patch(ApiRequest request, ResourceType type, String ns, String name, WriteMode mode) {
    String contentType = Objects.requireNonNullElse(request.header("content-type"), "");
    if (contentType.contains("protobuf")) {
      throw new StoreException(415, "UnsupportedMediaType", "the body of the request was in an unknown format -"
          + " accepted media types include: application/json-patch+json, application/merge-patch+json,"
          + " application/strategic-merge-patch+json, application/apply-patch+yaml");
    }
    boolean apply = contentType.startsWith("application/apply-patch");
    JsonNode patch = apply ? Json.parseYaml(request.body()) : Json.parse(request.body());
    StoredObject current = store.get(type, ns, name).orElse(null);
    if (current == null) {
      if (!apply) {
        throw StoreException.notFound(type.groupResource(), name);
      }
      return applyCreate(request, type, ns, name, (ObjectNode) patch);
    }
    JsonNode patched = patchObject(current.copy(), patch, contentType);
    if (!(patched instanceof ObjectNode object)) {
      throw StoreException.badRequest("patch did not produce an object");
    }
    if (!patch.at("/metadata/resourceVersion").isTextual()) {
      Json.with(object, "metadata").remove("resourceVersion");
    }
    if (apply) {
      recordManager(object, request);
    }
    if (mode == WriteMode.MAIN) {
      Defaults.apply(type, object);
    }
    StoredObject updated = store.update(type, object, mode, request.dryRun());
    afterWrite(type, updated);
    return ApiResponse.json(200, updated.object());
  }

  private ApiResult applyCreate(ApiRequest request, ResourceType type, String ns, String name, ObjectNode object) {
    checkKind(type, object);
    ObjectNode meta = Json.with(object, "metadata");
    meta.put("name", name);
    if (ns != null) {
      requireNamespace(ns);
      meta.put("namespace", ns);
    }
    recordManager(object, request);
    prepare(type, object);
    StoredObject created = store.create(type, object, request.dryRun());
    afterWrite(type, created);
    return ApiResponse.json(201, created.object());
  }

  static JsonNode patchObject(ObjectNode current, JsonNode patch, String contentType) {
    if (contentType.startsWith("application/json-patch+json")) {
      return Patches.jsonPatch(current, patch);
    }
    if (contentType.startsWith("application/merge-patch+json")) {
      return Patches.mergePatch(current, patch);
    }
    if (contentType.startsWith("application/strategic-merge-patch+json")
        || contentType.startsWith("application/apply-patch")) {
      return Patches.strategicMerge(current, patch);
    }
    throw new StoreException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
        + "accepted media types include: application/json-patch+json, application/merge-patch+json,"
        + " application/strategic-merge-patch+json, application/apply-patch+yaml");
  }

  private void recordManager(ObjectNode object, ApiRequest request) {
    String manager = Objects.requireNonNullElse(request.param("fieldManager"), "unknown");
    ObjectNode meta = Json.with(object, "metadata");
    ArrayNode managed = meta.get("managedFields") instanceof ArrayNode a ? a : meta.putArray("managedFields");
    for (int i = managed.size() - 1; i >= 0; i--) {
      if (manager.equals(managed.get(i).path("manager").asText()) && "Apply".equals(managed.get(i).path(
          "operation").asText())) {
        managed.remove(i);
      }
    }
    ObjectNode entry = managed.addObject();
    entry.put("manager", manager);
    entry.put("operation", "Apply");
    entry.put("apiVersion", object.path("apiVersion").asText());
    entry.put("time", Json.timestamp(store.clock().instant()));
    entry.put("fieldsType", "FieldsV1");
    entry.putObject("fieldsV1");
  }

  private ApiResult delete(ApiRequest request, ResourceType type, String ns, String name) {
    DeletePropagation propagation = propagation(request);
    StoredObject deleted = store.delete(type, ns, name, propagation, request.dryRun());
    if (type.equals(ResourceCatalog.CRDS)) {
      CustomResources.unregister(catalog, store, deleted.object());
    }
    return ApiResponse.json(200, deleted.object());
  }

  private ApiResult deleteCollection(ApiRequest request, ResourceType type, String ns) {
    ListResult matching = store.list(type, ns, LabelSelector.parse(request.param("labelSelector")),
        FieldSelector.parse(request.param("fieldSelector")), 0, null);
    ObjectNode list = Json.object();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    list.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
    ArrayNode items = list.putArray("items");
    for (StoredObject o : matching.items()) {
      try {
        items.add(store.delete(type, o.namespace(), o.name(), propagation(request), request.dryRun()).object());
      } catch (StoreException e) {
        // deleted concurrently (e.g. by garbage collection): fine
      }
    }
    return ApiResponse.json(200, list);
  }

  private static DeletePropagation propagation(ApiRequest request) {
    String value = request.param("propagationPolicy");
    if (value == null && request.body().length > 0) {
      JsonNode options = Json.parse(request.body());
      value = options.path("propagationPolicy").asText(null);
      if (value == null && options.has("orphanDependents")) {
        value = options.path("orphanDependents").asBoolean() ? "Orphan" : "Background";
      }
    }
    return DeletePropagation.parse(value);
  }

  // ------------------------------------------------------------------ helpers

  void prepare(ResourceType type, ObjectNode object) {
    Preparation.prepare(store, type, object);
  }

  private void afterWrite(ResourceType type, StoredObject written) {
    if (type.equals(ResourceCatalog.CRDS)) {
      CustomResources.register(catalog, written.object());
    }
  }

  private void requireNamespace(String ns) {
    if (store.get(ResourceCatalog.NAMESPACES, null, ns).isEmpty()) {
      throw new StoreException(404, "NotFound", "namespaces \"" + ns + "\" not found");
    }
  }

  private static void validateName(ResourceType type, String name) {
    boolean ok = name.length() <= 253 && name.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    if (type.equals(ResourceCatalog.EVENTS) || type.equals(ResourceCatalog.EVENTS_V1)
        || type.group().equals("rbac.authorization.k8s.io")) {
      ok = !name.isEmpty() && !name.contains("/");
    }
    if (!ok) {
      throw StoreException.invalid(type.kind() + " \"" + name + "\" is invalid: metadata.name: Invalid value: \""
          + name + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character");
    }
  }

  private static void checkKind(ResourceType type, ObjectNode object) {
    String kind = object.path("kind").asText("");
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw StoreException.badRequest("the kind \"" + kind + "\" does not match the resource " + type.plural());
    }
  }

  private static ObjectNode body(ApiRequest request, ResourceType type) {
    String contentType = Objects.requireNonNullElse(request.header("content-type"), "");
    if (contentType.contains("protobuf")) {
      return ProtobufBodies.decode(type, request.body());
    }
    JsonNode node = contentType.contains("yaml") ? Json.parseYaml(request.body()) : Json.parse(request.body());
    if (!(node instanceof ObjectNode object)) {
      throw StoreException.badRequest("request body must be an object");
    }
    return object;
  }

  static long parseLong(String value, long fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
