package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.sim.model.DisruptionBudget;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.LabelSelector;
import io.flotilla.sandbox.store.ObjectStore;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a PodDisruptionBudget needs from a cluster store (its pods and their controllers) and
 * evaluates it with {@link DisruptionBudget}. Used by the eviction subresource and by the
 * disruption controller, so both agree.
 */
public final class DisruptionBudgets {

  private static final Map<String, ResourceType> SCALABLE_OWNERS = Map.of(
      "ReplicaSet", ResourceCatalog.REPLICA_SETS,
      "StatefulSet", ResourceCatalog.STATEFUL_SETS,
      "ReplicationController", ResourceCatalog.REPLICATION_CONTROLLERS);

  private DisruptionBudgets() {
  }

  /** The budgets in the pod's namespace whose selector matches the pod. */
  public static List<StoredObject> selecting(ObjectStore store, StoredObject pod) {
    List<StoredObject> budgets = new ArrayList<>();
    for (StoredObject pdb : store.list(ResourceCatalog.PDBS, pod.namespace())) {
      if (selector(pdb).matches(pod.labels())) {
        budgets.add(pdb);
      }
    }
    return budgets;
  }

  /** Evaluates one budget against the live pods of its namespace. */
  public static DisruptionBudget evaluate(ObjectStore store, StoredObject pdb) {
    LabelSelector selector = selector(pdb);
    List<JsonNode> selected = new ArrayList<>();
    Map<String, Integer> controllers = new LinkedHashMap<>();
    for (StoredObject pod : store.list(ResourceCatalog.PODS, pdb.namespace())) {
      JsonNode p = pod.object();
      if (!selector.matches(pod.labels()) || PodStatuses.isTerminal(p)
          || p.at("/metadata/deletionTimestamp").isTextual()) {
        continue;
      }
      selected.add(p);
      JsonNode owner = Owners.controllerOf(p);
      ResourceType type = owner == null ? null : SCALABLE_OWNERS.get(owner.path("kind").asText());
      if (type != null) {
        String name = owner.path("name").asText();
        controllers.computeIfAbsent(type.kind() + "/" + name, k -> store.get(type, pdb.namespace(), name)
            .map(o -> o.object().at("/spec/replicas").asInt(1)).orElse(0));
      }
    }
    int replicas = controllers.values().stream().mapToInt(Integer::intValue).sum();
    return DisruptionBudget.of(pdb.object().path("spec"), selected, replicas);
  }

  private static LabelSelector selector(StoredObject pdb) {
    JsonNode selector = pdb.object().at("/spec/selector");
    return LabelSelector.fromObject(selector);
  }
}
