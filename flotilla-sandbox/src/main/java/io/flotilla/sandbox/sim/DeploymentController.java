package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.RolloutPlanner;
import io.flotilla.sandbox.sim.model.TemplateHash;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deployment to ReplicaSets: revisions, rollouts, rollbacks, history pruning and Deployment status. */
final class DeploymentController {

  static final String REVISION = "deployment.kubernetes.io/revision";
  private static final String COMPONENT = "deployment-controller";

  private final SimContext ctx;

  DeploymentController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace, String name) {
    StoredObject deployment = ctx.store().get(ResourceCatalog.DEPLOYMENTS, namespace, name).orElse(null);
    if (deployment == null || deployment.object().at("/metadata/deletionTimestamp").isTextual()) {
      return;
    }
    JsonNode spec = deployment.object().path("spec");
    List<StoredObject> owned = ownedReplicaSets(deployment);
    List<RolloutPlanner.ReplicaSetState> states = new ArrayList<>();
    for (StoredObject rs : owned) {
      states.add(new RolloutPlanner.ReplicaSetState(rs.name(), rs.object().at("/spec/template"),
          parseLong(Json.annotations(rs.object()).get(REVISION)), rs.object().at("/spec/replicas").asInt(0)));
    }
    int replicas = spec.path("replicas").asInt(1);
    RolloutPlanner.Plan plan = RolloutPlanner.plan(new RolloutPlanner.DeploymentSpec(name, spec.path("template"),
        replicas, spec.path("paused").asBoolean(false), spec.path("revisionHistoryLimit").asInt(10)), states);
    if (plan.createName() != null) {
      ctx.store().create(ResourceCatalog.REPLICA_SETS, newReplicaSet(deployment, plan), false);
      ctx.events().normal(deployment, "ScalingReplicaSet", "Scaled up replica set " + plan.createName() + " from 0"
          + " to " + replicas, COMPONENT, null);
    }
    for (RolloutPlanner.ReplicaSetState state : states) {
      Integer target = plan.replicas().get(state.name());
      boolean active = state.name().equals(plan.activeName());
      if (target != null && (target != state.replicas() || active && state.revision() != plan.activeRevision())) {
        ctx.store().mutate(ResourceCatalog.REPLICA_SETS, namespace, state.name(), copy -> {
          Json.with(copy, "spec").put("replicas", target);
          if (active) {
            ObjectNode annotations = Json.with(Json.with(copy, "metadata"), "annotations");
            annotations.put(REVISION, Long.toString(plan.activeRevision()));
            annotations.put("deployment.kubernetes.io/desired-replicas", Integer.toString(replicas));
          }
          return copy;
        });
        if (target != state.replicas()) {
          ctx.events().normal(deployment, "ScalingReplicaSet", "Scaled " + (target > state.replicas() ? "up" : "down")
              + " replica set " + state.name() + " from " + state.replicas() + " to " + target, COMPONENT, null);
        }
      }
    }
    for (String victim : plan.delete()) {
      ctx.store().deleteIfPresent(ResourceCatalog.REPLICA_SETS, namespace, victim);
    }
    updateStatus(deployment, plan);
  }

  private ObjectNode newReplicaSet(StoredObject deployment, RolloutPlanner.Plan plan) {
    JsonNode spec = deployment.object().path("spec");
    ObjectNode rs = Json.object();
    ObjectNode meta = rs.putObject("metadata");
    meta.put("name", plan.createName());
    meta.put("namespace", deployment.namespace());
    ObjectNode labels = meta.putObject("labels");
    Json.labels(spec.path("template")).forEach(labels::put);
    labels.put(TemplateHash.LABEL, plan.createHash());
    ObjectNode annotations = meta.putObject("annotations");
    annotations.put("deployment.kubernetes.io/desired-replicas", spec.path("replicas").asText("1"));
    annotations.put("deployment.kubernetes.io/max-replicas", Integer.toString(spec.path("replicas").asInt(1) + 1));
    annotations.put(REVISION, Long.toString(plan.activeRevision()));
    String cause = Json.annotations(deployment.object()).get("kubernetes.io/change-cause");
    if (cause != null) {
      annotations.put("kubernetes.io/change-cause", cause);
    }
    meta.putArray("ownerReferences").add(Owners.controllerRef(deployment));
    ObjectNode rsSpec = rs.putObject("spec");
    rsSpec.put("replicas", plan.replicas().get(plan.createName()));
    if (spec.has("minReadySeconds")) {
      rsSpec.set("minReadySeconds", spec.get("minReadySeconds"));
    }
    ObjectNode selector = spec.path("selector").isObject() ? ((ObjectNode) spec.path("selector")).deepCopy()
        : Json.object();
    Json.with(selector, "matchLabels").put(TemplateHash.LABEL, plan.createHash());
    rsSpec.set("selector", selector);
    ObjectNode template = ((ObjectNode) spec.path("template")).deepCopy();
    Json.with(Json.with(template, "metadata"), "labels").put(TemplateHash.LABEL, plan.createHash());
    rsSpec.set("template", template);
    return rs;
  }

  private void updateStatus(StoredObject deployment, RolloutPlanner.Plan plan) {
    List<StoredObject> owned = ownedReplicaSets(deployment);
    int replicas = 0;
    int ready = 0;
    int available = 0;
    int updated = 0;
    String activeName = plan.activeName();
    for (StoredObject rs : owned) {
      JsonNode status = rs.object().path("status");
      replicas += status.path("replicas").asInt(0);
      ready += status.path("readyReplicas").asInt(0);
      available += status.path("availableReplicas").asInt(0);
      if (rs.name().equals(activeName)) {
        updated = status.path("replicas").asInt(0);
      }
    }
    JsonNode spec = deployment.object().path("spec");
    int desired = spec.path("replicas").asInt(1);
    long generation = deployment.object().at("/metadata/generation").asLong(1);
    boolean paused = spec.path("paused").asBoolean(false);
    int maxUnavailable = desired / 4;
    boolean complete = updated == desired && replicas == desired && available == desired;
    String now = Json.timestamp(ctx.now());
    int finalReplicas = replicas;
    int finalReady = ready;
    int finalAvailable = available;
    int finalUpdated = updated;
    ctx.store().mutate(ResourceCatalog.DEPLOYMENTS, deployment.namespace(), deployment.name(), copy -> {
      JsonNode previous = copy.at("/status/conditions");
      ObjectNode status = Json.object();
      status.put("observedGeneration", generation);
      status.put("replicas", finalReplicas);
      status.put("updatedReplicas", finalUpdated);
      status.put("readyReplicas", finalReady);
      status.put("availableReplicas", finalAvailable);
      if (desired - finalAvailable > 0 || finalReplicas - finalAvailable > 0) {
        status.put("unavailableReplicas", Math.max(desired, finalReplicas) - finalAvailable);
      }
      boolean isAvailable = finalAvailable >= desired - maxUnavailable;
      ObjectNode availableCondition = Conditions.condition(previous, "Available", isAvailable ? "True" : "False",
          isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
          isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
          now, true);
      ObjectNode progressing;
      if (paused) {
        progressing = Conditions.condition(previous, "Progressing", "Unknown", "DeploymentPaused",
            "Deployment is paused", now, true);
      } else if (complete) {
        progressing = Conditions.condition(previous, "Progressing", "True", "NewReplicaSetAvailable",
            "ReplicaSet \"" + activeName + "\" has successfully progressed.", now, true);
      } else {
        progressing = Conditions.condition(previous, "Progressing", "True", "ReplicaSetUpdated",
            "ReplicaSet \"" + activeName + "\" is progressing.", now, true);
      }
      ArrayNode conditions = Conditions.array(availableCondition, progressing);
      status.set("conditions", conditions);
      copy.set("status", status);
      if (activeName != null && plan.activeRevision() > 0) {
        Json.with(Json.with(copy, "metadata"), "annotations").put(REVISION, Long.toString(plan.activeRevision()));
      }
      return copy;
    });
  }

  private List<StoredObject> ownedReplicaSets(StoredObject deployment) {
    List<StoredObject> result = new ArrayList<>();
    for (StoredObject dependent : ctx.store().dependentsOf(deployment.uid())) {
      if (dependent.type().equals(ResourceCatalog.REPLICA_SETS)
          && Owners.ownedBy(dependent.object(), deployment.uid())) {
        result.add(dependent);
      }
    }
    return result;
  }

  private static long parseLong(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

}
