package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.List;

/** Node heartbeats and the NotReady fault (Ready=Unknown plus the unreachable taint, and back). */
final class NodeController {

  static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final SimContext ctx;

  NodeController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String name) {
    StoredObject node = ctx.store().get(ResourceCatalog.NODES, null, name).orElse(null);
    if (node == null) {
      return;
    }
    boolean faulty = Faults.nodeNotReady(node.object());
    boolean ready = isReady(node.object());
    if (faulty == !ready) {
      return;
    }
    String now = Json.timestamp(ctx.now());
    StoredObject written = ctx.store().mutate(ResourceCatalog.NODES, null, name, copy -> {
      for (JsonNode c : copy.at("/status/conditions")) {
        if ("Ready".equals(c.path("type").asText()) && c instanceof ObjectNode condition) {
          condition.put("status", faulty ? "Unknown" : "True");
          condition.put("reason", faulty ? "NodeStatusUnknown" : "KubeletReady");
          condition.put("message", faulty ? "Kubelet stopped posting node status."
              : "kubelet is posting ready status");
          condition.put("lastTransitionTime", now);
          condition.put("lastHeartbeatTime", now);
        }
      }
      ObjectNode spec = Json.with(copy, "spec");
      ArrayNode taints = spec.get("taints") instanceof ArrayNode a ? a : spec.putArray("taints");
      for (int i = taints.size() - 1; i >= 0; i--) {
        if (UNREACHABLE.equals(taints.get(i).path("key").asText())) {
          taints.remove(i);
        }
      }
      if (faulty) {
        taints.addObject().put("key", UNREACHABLE).put("effect", "NoSchedule").put("timeAdded", now);
      }
      if (taints.isEmpty()) {
        spec.remove("taints");
      }
      return copy;
    }).orElse(null);
    if (written != null) {
      if (faulty) {
        ctx.events().normal(written, "NodeNotReady", "Node " + name + " status is now: NodeNotReady",
            "node-controller", null);
      } else {
        ctx.events().normal(written, "NodeReady", "Node " + name + " status is now: NodeReady", "kubelet", name);
      }
    }
  }

  /** Refreshes lastHeartbeatTime of healthy nodes (the kubelet's periodic status update). */
  void heartbeat() {
    String now = Json.timestamp(ctx.now());
    for (StoredObject node : List.copyOf(ctx.store().list(ResourceCatalog.NODES, null))) {
      if (Faults.nodeNotReady(node.object())) {
        continue;
      }
      ctx.store().mutate(ResourceCatalog.NODES, null, node.name(), copy -> {
        for (JsonNode c : copy.at("/status/conditions")) {
          if (c instanceof ObjectNode condition) {
            condition.put("lastHeartbeatTime", now);
          }
        }
        return copy;
      });
    }
  }

  static boolean isReady(JsonNode node) {
    for (JsonNode c : node.at("/status/conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return "True".equals(c.path("status").asText());
      }
    }
    return false;
  }

  /** Whether a node change matters to scheduling (not just a heartbeat). */
  static boolean schedulingRelevant(JsonNode before, JsonNode after) {
    if (before == null) {
      return true;
    }
    return isReady(before) != isReady(after) || !before.at("/spec").equals(after.at("/spec"))
        || !Json.labels(before).equals(Json.labels(after))
        || !before.at("/status/allocatable").equals(after.at("/status/allocatable"))
        || !Json.annotations(before).equals(Json.annotations(after));
  }
}
