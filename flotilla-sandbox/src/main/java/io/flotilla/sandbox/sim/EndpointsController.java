package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Service to Endpoints: ready pods as addresses, started but unready pods as notReadyAddresses. */
final class EndpointsController {

  private final SimContext ctx;

  EndpointsController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace) {
    List<StoredObject> pods = List.copyOf(ctx.store().list(ResourceCatalog.PODS, namespace));
    for (StoredObject service : List.copyOf(ctx.store().list(ResourceCatalog.SERVICES, namespace))) {
      Map<String, String> selector = Json.stringMap(service.object().at("/spec/selector"));
      if (selector.isEmpty()) {
        continue;
      }
      ObjectNode desired = desired(service, pods, LabelSelector.fromMap(selector));
      StoredObject current = ctx.store().get(ResourceCatalog.ENDPOINTS, namespace, service.name()).orElse(null);
      if (current == null) {
        ctx.store().create(ResourceCatalog.ENDPOINTS, desired, false);
      } else if (!current.object().path("subsets").equals(desired.path("subsets"))) {
        ctx.store().mutate(ResourceCatalog.ENDPOINTS, namespace, service.name(), copy -> {
          copy.set("subsets", desired.path("subsets"));
          if (desired.path("subsets").isMissingNode()) {
            copy.remove("subsets");
          }
          return copy;
        });
      }
    }
  }

  static ObjectNode desired(StoredObject service, List<StoredObject> pods, LabelSelector selector) {
    ObjectNode endpoints = Json.object();
    ObjectNode meta = endpoints.putObject("metadata");
    meta.put("name", service.name());
    meta.put("namespace", service.namespace());
    ObjectNode labels = meta.putObject("labels");
    service.labels().forEach(labels::put);
    ObjectNode ref = Json.object();
    ref.put("apiVersion", "v1").put("kind", "Service").put("name", service.name()).put("uid", service.uid());
    meta.putArray("ownerReferences").add(ref);
    ArrayNode ready = Json.object().putArray("a");
    ArrayNode notReady = Json.object().putArray("n");
    List<StoredObject> selected = new ArrayList<>();
    for (StoredObject pod : pods) {
      JsonNode p = pod.object();
      if (!selector.matches(pod.labels()) || !p.at("/status/podIP").isTextual() || PodStatuses.isTerminal(p)
          || p.at("/metadata/deletionTimestamp").isTextual()) {
        continue;
      }
      selected.add(pod);
      ObjectNode address = (PodStatuses.isReady(p) ? ready : notReady).addObject();
      address.put("ip", p.at("/status/podIP").asText());
      address.put("nodeName", p.at("/spec/nodeName").asText());
      address.putObject("targetRef").put("kind", "Pod").put("namespace", pod.namespace()).put("name", pod.name())
          .put("uid", pod.uid());
    }
    if (ready.isEmpty() && notReady.isEmpty()) {
      return endpoints;
    }
    ObjectNode subset = endpoints.putArray("subsets").addObject();
    if (!ready.isEmpty()) {
      subset.set("addresses", ready);
    }
    if (!notReady.isEmpty()) {
      subset.set("notReadyAddresses", notReady);
    }
    ArrayNode ports = subset.putArray("ports");
    for (JsonNode port : service.object().at("/spec/ports")) {
      ObjectNode p = ports.addObject();
      if (port.has("name")) {
        p.put("name", port.path("name").asText());
      }
      p.put("port", targetPort(port, selected));
      p.put("protocol", port.path("protocol").asText("TCP"));
    }
    return endpoints;
  }

  private static int targetPort(JsonNode servicePort, List<StoredObject> pods) {
    JsonNode target = servicePort.path("targetPort");
    if (target.canConvertToInt()) {
      return target.asInt();
    }
    String named = target.asText("");
    for (StoredObject pod : pods) {
      for (JsonNode c : pod.object().at("/spec/containers")) {
        for (JsonNode port : c.path("ports")) {
          if (named.equals(port.path("name").asText())) {
            return port.path("containerPort").asInt();
          }
        }
      }
    }
    return servicePort.path("port").asInt();
  }
}
