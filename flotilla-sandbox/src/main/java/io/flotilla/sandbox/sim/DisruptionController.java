package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.DisruptionBudget;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.List;

/**
 * The disruption controller: keeps each PodDisruptionBudget's status (expected and healthy pods,
 * disruptions allowed, the DisruptionAllowed condition) in step with its pods.
 */
final class DisruptionController {

  private final SimContext ctx;

  DisruptionController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace) {
    for (StoredObject pdb : List.copyOf(ctx.store().list(ResourceCatalog.PDBS, namespace))) {
      DisruptionBudget budget = DisruptionBudgets.evaluate(ctx.store(), pdb);
      long generation = Json.metadata(pdb.object()).path("generation").asLong(1);
      ctx.store().mutate(ResourceCatalog.PDBS, namespace, pdb.name(), copy -> {
        ObjectNode status = Json.object();
        status.put("observedGeneration", generation);
        status.put("expectedPods", budget.expectedPods());
        status.put("currentHealthy", budget.currentHealthy());
        status.put("desiredHealthy", budget.desiredHealthy());
        status.put("disruptionsAllowed", budget.disruptionsAllowed());
        ObjectNode condition = status.putArray("conditions").addObject();
        boolean allowed = budget.disruptionsAllowed() > 0;
        condition.put("type", "DisruptionAllowed");
        condition.put("status", allowed ? "True" : "False");
        condition.put("reason", allowed ? "SufficientPods" : "InsufficientPods");
        condition.put("observedGeneration", generation);
        ObjectNode old = copy.path("status") instanceof ObjectNode o ? o : Json.object();
        String since = old.at("/conditions/0/status").asText("").equals(allowed ? "True" : "False")
            ? old.at("/conditions/0/lastTransitionTime").asText(null) : null;
        condition.put("lastTransitionTime", since != null ? since : Json.timestamp(ctx.store().clock().instant()));
        condition.put("message", "");
        copy.set("status", status);
        return copy;
      });
    }
  }
}
