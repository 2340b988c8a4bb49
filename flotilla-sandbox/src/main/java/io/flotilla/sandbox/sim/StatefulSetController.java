package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.sim.model.TemplateHash;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** StatefulSets: ordinal pods, ControllerRevisions, PVCs from volumeClaimTemplates and status. */
final class StatefulSetController {

  private static final String REVISION_LABEL = "controller-revision-hash";

  private final SimContext ctx;

  StatefulSetController(SimContext ctx) {
    this.ctx = ctx;
  }

  void reconcile(String namespace, String name) {
    StoredObject sts = ctx.store().get(ResourceCatalog.STATEFUL_SETS, namespace, name).orElse(null);
    if (sts == null) {
      return;
    }
    JsonNode spec = sts.object().path("spec");
    JsonNode template = spec.path("template");
    String revision = name + "-" + TemplateHash.of(template);
    List<StoredObject> revisions = owned(sts, ResourceCatalog.CONTROLLER_REVISIONS);
    long maxRevision = revisions.stream().mapToLong(r -> r.object().path("revision").asLong()).max().orElse(0);
    if (revisions.stream().noneMatch(r -> r.name().equals(revision))) {
      ObjectNode cr = Json.object();
      ObjectNode meta = cr.putObject("metadata");
      meta.put("name", revision);
      meta.put("namespace", namespace);
      ObjectNode labels = meta.putObject("labels");
      Json.labels(template).forEach(labels::put);
      labels.put(REVISION_LABEL, revision.substring(name.length() + 1));
      meta.putArray("ownerReferences").add(Owners.controllerRef(sts));
      ObjectNode data = cr.putObject("data").putObject("spec");
      data.set("template", template.deepCopy());
      ((ObjectNode) data.get("template")).put("$patch", "replace");
      cr.put("revision", maxRevision + 1);
      ctx.store().create(ResourceCatalog.CONTROLLER_REVISIONS, cr, false);
      revisions = owned(sts, ResourceCatalog.CONTROLLER_REVISIONS);
    }
    int limit = spec.path("revisionHistoryLimit").asInt(10);
    revisions.sort(Comparator.comparingLong(r -> r.object().path("revision").asLong()));
    for (int i = 0; i < revisions.size() - 1 - limit; i++) {
      if (!revisions.get(i).name().equals(revision)) {
        ctx.store().deleteIfPresent(ResourceCatalog.CONTROLLER_REVISIONS, namespace, revisions.get(i).name());
      }
    }
    int replicas = spec.path("replicas").asInt(1);
    Map<String, StoredObject> pods = new HashMap<>();
    for (StoredObject pod : owned(sts, ResourceCatalog.PODS)) {
      pods.put(pod.name(), pod);
    }
    for (int i = 0; i < replicas; i++) {
      String podName = name + "-" + i;
      StoredObject pod = pods.get(podName);
      if (pod != null && !revision.endsWith(Json.labels(pod.object()).getOrDefault(REVISION_LABEL, "?"))) {
        ctx.store().deleteIfPresent(ResourceCatalog.PODS, namespace, podName);
        pods.remove(podName);
        pod = null;
      }
      if (pod == null) {
        claims(sts, i);
        ObjectNode created = PodFactory.fromTemplate(template, sts, podName, Map.of(
            REVISION_LABEL, revision.substring(name.length() + 1),
            "statefulset.kubernetes.io/pod-name", podName,
            "apps.kubernetes.io/pod-index", Integer.toString(i)));
        ObjectNode podSpec = Json.with(created, "spec");
        podSpec.put("hostname", podName);
        if (spec.hasNonNull("serviceName")) {
          podSpec.put("subdomain", spec.path("serviceName").asText());
        }
        pods.put(podName, ctx.store().create(ResourceCatalog.PODS, created, false));
        ctx.events().normal(sts, "SuccessfulCreate", "create Pod " + podName + " in StatefulSet " + name
            + " successful", "statefulset-controller", null);
      }
    }
    for (StoredObject pod : List.copyOf(pods.values())) {
      int ordinal = ordinal(pod.name(), name);
      if (ordinal < 0 || ordinal >= replicas) {
        ctx.store().deleteIfPresent(ResourceCatalog.PODS, namespace, pod.name());
        pods.remove(pod.name());
        ctx.events().normal(sts, "SuccessfulDelete", "delete Pod " + pod.name() + " in StatefulSet " + name
            + " successful", "statefulset-controller", null);
      }
    }
    int ready = 0;
    int current = 0;
    for (StoredObject pod : pods.values()) {
      if (PodStatuses.isReady(pod.object())) {
        ready++;
      }
      if (revision.endsWith(Json.labels(pod.object()).getOrDefault(REVISION_LABEL, "?"))) {
        current++;
      }
    }
    int total = pods.size();
    int readyCount = ready;
    int currentCount = current;
    long generation = sts.object().at("/metadata/generation").asLong(1);
    ctx.store().mutate(ResourceCatalog.STATEFUL_SETS, namespace, name, copy -> {
      ObjectNode status = Json.object();
      status.put("observedGeneration", generation);
      status.put("replicas", total);
      status.put("readyReplicas", readyCount);
      status.put("currentReplicas", currentCount);
      status.put("updatedReplicas", currentCount);
      status.put("availableReplicas", readyCount);
      status.put("currentRevision", revision);
      status.put("updateRevision", revision);
      status.put("collisionCount", 0);
      copy.set("status", status);
      return copy;
    });
  }

  private void claims(StoredObject sts, int ordinal) {
    for (JsonNode claimTemplate : sts.object().at("/spec/volumeClaimTemplates")) {
      String claimName = Json.name(claimTemplate) + "-" + sts.name() + "-" + ordinal;
      if (ctx.store().get(ResourceCatalog.PVCS, sts.namespace(), claimName).isPresent()) {
        continue;
      }
      ObjectNode pvc = Json.object();
      ObjectNode meta = pvc.putObject("metadata");
      meta.put("name", claimName);
      meta.put("namespace", sts.namespace());
      ObjectNode labels = meta.putObject("labels");
      Json.stringMap(sts.object().at("/spec/selector/matchLabels")).forEach(labels::put);
      ObjectNode spec = claimTemplate.path("spec").deepCopy();
      spec.put("volumeName", "pvc-" + ctx.store().newUid());
      if (!spec.has("storageClassName")) {
        spec.put("storageClassName", "standard");
      }
      spec.put("volumeMode", spec.path("volumeMode").asText("Filesystem"));
      pvc.set("spec", spec);
      ObjectNode status = pvc.putObject("status");
      status.put("phase", "Bound");
      status.set("accessModes", spec.path("accessModes").deepCopy());
      status.putObject("capacity").put("storage", spec.at("/resources/requests/storage").asText("1Gi"));
      ctx.store().create(ResourceCatalog.PVCS, pvc, false);
    }
  }

  private List<StoredObject> owned(StoredObject sts, io.flotilla.sandbox.api.ResourceType type) {
    List<StoredObject> result = new ArrayList<>();
    for (StoredObject dependent : ctx.store().dependentsOf(sts.uid())) {
      if (dependent.type().equals(type) && Owners.ownedBy(dependent.object(), sts.uid())
          && !(type.equals(ResourceCatalog.PODS) && PodStatuses.isTerminal(dependent.object()))) {
        result.add(dependent);
      }
    }
    return result;
  }

  private static int ordinal(String podName, String setName) {
    try {
      return Integer.parseInt(podName.substring(setName.length() + 1));
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
