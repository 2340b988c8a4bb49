package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Keeps the number of a ReplicaSet's pods at spec.replicas and reports its status. */
final class ReplicaSetController {

  private final SimContext ctx;

  ReplicaSetController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace, String name) {
    StoredObject rs = ctx.store().get(ResourceCatalog.REPLICA_SETS, namespace, name).orElse(null);
    if (rs == null || rs.object().at("/metadata/deletionTimestamp").isTextual()) {
      return;
    }
    List<StoredObject> pods = activePods(ctx, rs);
    int desired = rs.object().at("/spec/replicas").asInt(1);
    if (pods.size() < desired) {
      for (int i = pods.size(); i < desired; i++) {
        ObjectNode pod = PodFactory.fromTemplate(rs.object().path("spec").path("template"), rs,
            rs.name() + "-" + ctx.store().randomSuffix(5), Map.of());
        StoredObject created = ctx.store().create(ResourceCatalog.PODS, pod, false);
        if (ctx.settings().eventsPerPod() || i == pods.size()) {
          ctx.events().normal(rs, "SuccessfulCreate", "Created pod: " + created.name(), "replicaset-controller",
              null);
        }
        pods.add(created);
      }
    } else if (pods.size() > desired) {
      List<StoredObject> victims = new ArrayList<>(pods);
      victims.sort(Comparator.comparing((StoredObject p) -> PodStatuses.isReady(p.object()))
          .thenComparing(p -> Json.text(p.object(), "metadata.creationTimestamp"), Comparator.reverseOrder()));
      for (StoredObject victim : victims.subList(0, pods.size() - desired)) {
        ctx.store().deleteIfPresent(ResourceCatalog.PODS, victim.namespace(), victim.name());
        ctx.events().normal(rs, "SuccessfulDelete", "Deleted pod: " + victim.name(), "replicaset-controller", null);
        pods.remove(victim);
      }
    }
    int ready = (int) pods.stream().filter(p -> PodStatuses.isReady(p.object())).count();
    long generation = rs.object().at("/metadata/generation").asLong(1);
    ctx.store().mutate(ResourceCatalog.REPLICA_SETS, namespace, name, copy -> {
      ObjectNode status = Json.object();
      status.put("replicas", pods.size());
      status.put("fullyLabeledReplicas", pods.size());
      if (ready > 0) {
        status.put("readyReplicas", ready);
        status.put("availableReplicas", ready);
      }
      status.put("observedGeneration", generation);
      copy.set("status", status);
      return copy;
    });
  }

  /** Pods controlled by the owner that are neither finished nor being deleted. */
  static List<StoredObject> activePods(SimContext ctx, StoredObject owner) {
    List<StoredObject> pods = new ArrayList<>();
    for (StoredObject dependent : ctx.store().dependentsOf(owner.uid())) {
      if (dependent.type().equals(ResourceCatalog.PODS) && Owners.ownedBy(dependent.object(), owner.uid())
          && !PodStatuses.isTerminal(dependent.object())
          && !dependent.object().at("/metadata/deletionTimestamp").isTextual()) {
        pods.add(dependent);
      }
    }
    return pods;
  }
}
