package io.flotilla.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.sim.DisruptionBudgets;
import io.flotilla.sandbox.sim.model.DisruptionBudget;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.DeletePropagation;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoreException;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
      case "log" -> log(request, object);
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
      return evict(request, type, ns, name);
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

  /**
   * {@code pods/log}: a container's log (tail, since, previous), or a followed stream. A container
   * that has not started, an unknown container, or {@code previous} without a restart answer 400, as
   * the kubelet does.
   */
  private ApiResult log(ApiRequest request, StoredObject pod) {
    JsonNode object = pod.object();
    String container = request.param("container");
    if (container == null && object.at("/spec/containers").size() > 1) {
      return StatusDocs.failure(400, "BadRequest", "a container name must be specified for pod " + pod.name()
          + ", choose one of: " + containerNames(object));
    }
    if (!PodLogs.hasContainer(object, container)) {
      return StatusDocs.failure(400, "BadRequest", "container " + container + " is not valid for pod " + pod.name());
    }
    if (!object.at("/status/startTime").isTextual() || "Pending".equals(object.at("/status/phase").asText())) {
      return StatusDocs.failure(400, "BadRequest", "container \"" + (container == null
          ? object.at("/spec/containers/0/name").asText() : container) + "\" in pod \"" + pod.name()
          + "\" is waiting to start: ContainerCreating");
    }
    if (request.flag("previous") && object.at("/status/containerStatuses/0/restartCount").asInt(0) == 0) {
      return StatusDocs.failure(400, "BadRequest", "previous terminated container \"" + (container == null
          ? object.at("/spec/containers/0/name").asText() : container) + "\" in pod \"" + pod.name()
          + "\" not found");
    }
    Instant now = store.clock().instant();
    Instant since = null;
    if (request.param("sinceTime") != null) {
      since = Json.instant(request.param("sinceTime"));
    } else if (request.param("sinceSeconds") != null) {
      since = now.minusSeconds(ResourceHandler.parseLong(request.param("sinceSeconds"), 0));
    }
    String text = PodLogs.render(object, new PodLogs.Query(container,
        ResourceHandler.parseLong(request.param("tailLines"), -1), since, request.flag("timestamps")), now);
    if (request.flag("follow") && !request.flag("previous")) {
      return new LogStream(store, pod.namespace(), pod.name(), pod.uid(), container, text, now);
    }
    return ApiResponse.text(200, text);
  }

  private static String containerNames(JsonNode pod) {
    List<String> names = new ArrayList<>();
    pod.at("/spec/containers").forEach(c -> names.add(c.path("name").asText()));
    return String.join(" ", names);
  }

  /**
   * {@code pods/eviction}: deletes the pod unless a PodDisruptionBudget forbids it (429, as the API
   * server answers), or several budgets select it (500, which the API server does not support).
   */
  private ApiResult evict(ApiRequest request, ResourceType type, String ns, String name) {
    StoredObject pod = store.get(type, ns, name)
        .orElseThrow(() -> StoreException.notFound(type.groupResource(), name));
    boolean terminal = PodStatuses.isTerminal(pod.object());
    List<StoredObject> budgets = terminal ? List.of() : DisruptionBudgets.selecting(store, pod);
    if (budgets.size() > 1) {
      return StatusDocs.failure(500, "InternalError", DisruptionBudget.SEVERAL);
    }
    if (budgets.size() == 1) {
      StoredObject pdb = budgets.get(0);
      DisruptionBudget budget = DisruptionBudgets.evaluate(store, pdb);
      if (!budget.allowsEvicting(PodStatuses.isReady(pod.object()))) {
        ObjectNode status = StatusDocs.status(429, "TooManyRequests", DisruptionBudget.VIOLATION);
        ObjectNode cause = status.putObject("details").putArray("causes").addObject();
        cause.put("reason", "DisruptionBudget");
        cause.put("message", "The disruption budget " + pdb.name() + " needs " + budget.desiredHealthy()
            + " healthy pods and has " + budget.currentHealthy() + " currently");
        return ApiResponse.json(429, status);
      }
    }
    store.delete(type, ns, name, DeletePropagation.BACKGROUND, request.dryRun());
    return StatusDocs.success(201, type, name);
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
