package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.DaemonSetPlanner;
import io.flotilla.sandbox.sim.model.NodeCapacity;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.sim.model.TemplateHash;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** DaemonSets: one pod per eligible node (bound directly, like the DaemonSet controller's node affinity). */
final class DaemonSetController {

  private static final String HASH_LABEL = "controller-revision-hash";
  private static final String[][] DAEMON_TOLERATIONS = {
      {"node.kubernetes.io/not-ready", "NoExecute"}, {"node.kubernetes.io/unreachable", "NoExecute"},
      {"node.kubernetes.io/disk-pressure", "NoSchedule"}, {"node.kubernetes.io/memory-pressure", "NoSchedule"},
      {"node.kubernetes.io/pid-pressure", "NoSchedule"}, {"node.kubernetes.io/unschedulable", "NoSchedule"}};

  private final SimContext ctx;

  DaemonSetController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcileAll() {
    for (StoredObject ds : List.copyOf(ctx.store().list(ResourceCatalog.DAEMON_SETS, null))) {
      reconcile(ds.namespace(), ds.name());
    }
  }

  void reconcile(String namespace, String name) {
    StoredObject ds = ctx.store().get(ResourceCatalog.DAEMON_SETS, namespace, name).orElse(null);
    if (ds == null) {
      return;
    }
    JsonNode template = ds.object().at("/spec/template");
    String hash = TemplateHash.of(template);
    ObjectNode probe = PodFactory.fromTemplate(template, ds, name + "-probe", Map.of());
    addTolerations(probe);
    List<NodeCapacity> nodes = new ArrayList<>();
    for (StoredObject node : ctx.store().list(ResourceCatalog.NODES, null)) {
      nodes.add(NodeViews.capacity(node.object()));
    }
    List<StoredObject> pods = ReplicaSetController.activePods(ctx, ds);
    List<DaemonSetPlanner.DaemonPod> existing = new ArrayList<>();
    for (StoredObject pod : pods) {
      existing.add(new DaemonSetPlanner.DaemonPod(pod.name(), pod.object().at("/spec/nodeName").asText(),
          Json.labels(pod.object()).get(HASH_LABEL)));
    }
    DaemonSetPlanner.Plan plan = DaemonSetPlanner.plan(nodes, Json.stringMap(template.at("/spec/nodeSelector")),
        NodeViews.request(probe), existing, hash);
    for (String victim : plan.delete()) {
      ctx.store().deleteIfPresent(ResourceCatalog.PODS, namespace, victim);
      ctx.events().normal(ds, "SuccessfulDelete", "Deleted pod: " + victim, "daemonset-controller", null);
    }
    long generation = ds.object().at("/metadata/generation").asLong(1);
    for (String node : plan.createOn()) {
      ObjectNode pod = PodFactory.fromTemplate(template, ds, name + "-" + ctx.store().randomSuffix(5), Map.of(
          HASH_LABEL, hash, "pod-template-generation", Long.toString(generation)));
      addTolerations(pod);
      Json.with(pod, "spec").put("nodeName", node);
      StoredObject created = ctx.store().create(ResourceCatalog.PODS, pod, false);
      ctx.events().normal(ds, "SuccessfulCreate", "Created pod: " + created.name(), "daemonset-controller", null);
    }
    List<StoredObject> now = ReplicaSetController.activePods(ctx, ds);
    int ready = (int) now.stream().filter(p -> PodStatuses.isReady(p.object())).count();
    int updated = (int) now.stream().filter(p -> hash.equals(Json.labels(p.object()).get(HASH_LABEL))).count();
    ctx.store().mutate(ResourceCatalog.DAEMON_SETS, namespace, name, copy -> {
      ObjectNode status = Json.object();
      status.put("currentNumberScheduled", now.size());
      status.put("desiredNumberScheduled", plan.desired());
      status.put("numberMisscheduled", 0);
      status.put("numberReady", ready);
      status.put("numberAvailable", ready);
      if (plan.desired() - ready > 0) {
        status.put("numberUnavailable", plan.desired() - ready);
      }
      status.put("updatedNumberScheduled", updated);
      status.put("observedGeneration", generation);
      copy.set("status", status);
      return copy;
    });
  }

  private static void addTolerations(ObjectNode pod) {
    ObjectNode spec = Json.with(pod, "spec");
    ArrayNode tolerations = spec.get("tolerations") instanceof ArrayNode a ? a : spec.putArray("tolerations");
    for (String[] t : DAEMON_TOLERATIONS) {
      boolean present = false;
      for (JsonNode existing : tolerations) {
        present |= t[0].equals(existing.path("key").asText());
      }
      if (!present) {
        tolerations.addObject().put("key", t[0]).put("operator", "Exists").put("effect", t[1]);
      }
    }
  }
}
