package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.DeletePropagation;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreException;
import io.flotilla.sandbox.store.StoredObject;
import java.util.Objects;

/** Subresources: scale, log, eviction, binding (status is handled with the main verbs). */
final class Subresources {

  private final ObjectStore store;

  Subresources(ObjectStore store, ResourceHandler resources) {
    this.store = store;
  }

  ApiResult get(ApiRequest request, ResourceType type, String ns, String name, String sub) {
    StoredObject object = store.get(type, ns, name)
        .orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
    return switch (sub) {
      case "scale" -> ApiResponse.json(200, scale(object));
      case "log" -> ApiResponse.text(200, PodLogs.render(object.object(), request.param("container"),
          ResourceHandler.parseLong(request.param("tailLines"), -1), store.clock().instant()));
      default -> StatusDocs.failure(405, "MethodNotAllowed", "GET is not supported on " + sub);
    };
  }

  ApiResult post(ApiRequest request, ResourceType type, String ns, String name, String sub) {
    String contentType = request.header("content-type");
    if (contentType != null && contentType.contains("protobuf") && !"eviction".equals(sub)) {
      throw new StoreException(415, "UnsupportedMediaType", "the sandbox API server does not decode protobuf "
          + sub + " bodies; send JSON");
    }
    if ("eviction".equals(sub)) {
      store.delete(type, ns, name, DeletePropagation.BACKGROUND, request.dryRun());
      return StatusDocs.success(201, type, name);
    }
    if ("binding".equals(sub)) {
      String node = Json.parse(request.body()).at("/target/name").asText("");
      store.mutate(type, ns, name, pod -> {
        Json.with(pod, "spec").put("nodeName", node);
        return pod;
      }).orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
      return StatusDocs.success(201, type, name);
    }
    if (sub == null) {
      return StatusDocs.failure(405, "MethodNotAllowed", "POST is not supported on an object");
    }
    return StatusDocs.failure(501, "NotImplemented", sub + " is not supported by the sandbox API server");
  }

  ApiResult putScale(ApiRequest request, ResourceType type, String ns, String name) {
    JsonNode body = Json.parse(request.body());
    return setReplicas(type, ns, name, body.at("/spec/replicas"), request.dryRun());
  }

  ApiResult patchScale(ApiRequest request, ResourceType type, String ns, String name) {
    StoredObject object = store.get(type, ns, name)
        .orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
    JsonNode patch = Json.parse(request.body());
    JsonNode patched = ResourceHandler.patchObject(scale(object), patch,
        Objects.requireNonNullElse(request.header("content-type"), "application/merge-patch+json"));
    return setReplicas(type, ns, name, patched.at("/spec/replicas"), request.dryRun());
  }

  private ApiResult setReplicas(ResourceType type, String ns, String name, JsonNode replicas, boolean dryRun) {
    if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
      throw StoreException.invalid("Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: Invalid value");
    }
    if (dryRun) {
      return ApiResponse.json(200, scale(store.get(type, ns, name).orElseThrow()));
    }
    StoredObject updated = store.mutate(type, ns, name, object -> {
      Json.with(object, "spec").put("replicas", replicas.asInt());
      return object;
    }).orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
    return ApiResponse.json(200, scale(updated));
  }

  static ObjectNode scale(StoredObject object) {
    ObjectNode scale = Json.object();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode meta = scale.putObject("metadata");
    ObjectNode source = Json.metadata(object.object());
    for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (source.has(field)) {
        meta.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.object().at("/spec/replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.object().at("/status/replicas").asInt(0));
    status.put("selector", LabelSelector.fromObject(object.object().at("/spec/selector")).toString());
    return scale;
  }
}
