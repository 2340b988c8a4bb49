package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.sim.model.NodeCapacity;
import io.flotilla.sandbox.sim.model.PodRequest;
import io.flotilla.sandbox.sim.model.Quantities;
import io.flotilla.sandbox.sim.model.Taint;
import io.flotilla.sandbox.sim.model.Toleration;
import io.flotilla.sandbox.store.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads scheduler views (capacities, requests) out of node and pod objects. */
final class NodeViews {

  private NodeViews() {
  }

  static NodeCapacity capacity(JsonNode node) {
    JsonNode allocatable = node.at("/status/allocatable");
    List<Taint> taints = new ArrayList<>();
    for (JsonNode t : node.at("/spec/taints")) {
      taints.add(new Taint(t.path("key").asText(), t.path("value").asText(""), t.path("effect").asText()));
    }
    boolean ready = false;
    for (JsonNode c : node.at("/status/conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        ready = "True".equals(c.path("status").asText());
      }
    }
    return new NodeCapacity(Json.name(node), Quantities.milliCpu(allocatable.path("cpu").asText("0")),
        Quantities.bytes(allocatable.path("memory").asText("0")), allocatable.path("pods").asInt(110),
        Json.labels(node), taints, ready, node.at("/spec/unschedulable").asBoolean(false));
  }

  static PodRequest request(JsonNode pod) {
    long cpu = 0;
    long memory = 0;
    for (JsonNode c : pod.at("/spec/containers")) {
      cpu += Quantities.milliCpu(c.at("/resources/requests/cpu").asText(""));
      memory += Quantities.bytes(c.at("/resources/requests/memory").asText(""));
    }
    List<Toleration> tolerations = new ArrayList<>();
    for (JsonNode t : pod.at("/spec/tolerations")) {
      tolerations.add(new Toleration(t.path("key").asText(""), t.path("operator").asText("Equal"),
          t.path("value").asText(""), t.path("effect").asText("")));
    }
    return new PodRequest(Json.namespace(pod) + "/" + Json.name(pod), cpu, memory,
        Json.stringMap(pod.at("/spec/nodeSelector")), tolerations);
  }

  static String internalIp(JsonNode node) {
    for (JsonNode a : node.at("/status/addresses")) {
      if ("InternalIP".equals(a.path("type").asText())) {
        return a.path("address").asText();
      }
    }
    return "192.168.0.1";
  }
}
