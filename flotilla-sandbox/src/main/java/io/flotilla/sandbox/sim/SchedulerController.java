package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.NodeCapacity;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.sim.model.Scheduler;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Binds pending pods to nodes in batches; unschedulable pods get PodScheduled=False and an event. */
final class SchedulerController {

  private final SimContext ctx;
  /** Keys (namespace/name) of pods without a node, maintained from store events. */
  private final Set<String> unscheduled = ConcurrentHashMap.newKeySet();

  SchedulerController(SimContext ctx) {
    this.ctx = ctx;
  }

  /** Called under the store lock for pod events. Returns whether scheduling work is needed. */
  boolean track(StoredObject pod, JsonNode previous, boolean deleted) {
    String key = pod.key();
    JsonNode object = pod.object();
    if (!deleted && object.at("/spec/nodeName").asText("").isEmpty() && !PodStatuses.isTerminal(object)
        && !object.at("/metadata/deletionTimestamp").isTextual()) {
      // a pod already waiting is tried again only when its spec changed (kube-scheduler requeues on
      // updates that can make it fit, not on status or metadata changes); capacity changes retry all
      boolean changed = previous != null && !previous.path("spec").equals(object.path("spec"));
      return unscheduled.add(key) || changed;
    }
    unscheduled.remove(key);
    boolean freed = deleted || previous != null && !PodStatuses.isTerminal(previous) && PodStatuses.isTerminal(object);
    return freed && !unscheduled.isEmpty();
  }

  void reconcile() {
    if (unscheduled.isEmpty()) {
      return;
    }
    List<NodeCapacity> nodes = new ArrayList<>();
    for (StoredObject node : ctx.store().list(ResourceCatalog.NODES, null)) {
      nodes.add(NodeViews.capacity(node.object()));
    }
    Map<String, Scheduler.Usage> usage = new HashMap<>();
    for (StoredObject pod : ctx.store().list(ResourceCatalog.PODS, null)) {
      String node = pod.object().at("/spec/nodeName").asText("");
      if (!node.isEmpty() && !PodStatuses.isTerminal(pod.object())) {
        var request = NodeViews.request(pod.object());
        usage.merge(node, Scheduler.Usage.NONE.plus(request.cpuMilli(), request.memoryBytes()),
            (a, b) -> new Scheduler.Usage(a.cpuMilli() + b.cpuMilli(), a.memoryBytes() + b.memoryBytes(),
                a.pods() + b.pods()));
      }
    }
    Scheduler scheduler = new Scheduler(nodes, usage);
    List<StoredObject> pending = new ArrayList<>();
    for (String key : List.copyOf(unscheduled)) {
      int slash = key.indexOf('/');
      ctx.store().get(ResourceCatalog.PODS, key.substring(0, slash), key.substring(slash + 1))
          .ifPresentOrElse(pending::add, () -> unscheduled.remove(key));
    }
    pending.sort(Comparator.comparing((StoredObject p) -> Json.text(p.object(), "metadata.creationTimestamp"))
        .thenComparing(p -> p.key()));
    for (StoredObject pod : pending) {
      if (!pod.object().at("/spec/nodeName").asText("").isEmpty()) {
        unscheduled.remove(pod.key());
        continue;
      }
      Scheduler.Decision decision = scheduler.schedule(NodeViews.request(pod.object()));
      if (decision.scheduled()) {
        ctx.store().mutate(ResourceCatalog.PODS, pod.namespace(), pod.name(), copy -> {
          Json.with(copy, "spec").put("nodeName", decision.node());
          copy.set("status", PodStatuses.scheduled(copy, ctx.now()));
          return copy;
        }).ifPresent(bound -> {
          if (ctx.settings().eventsPerPod()) {
            ctx.events().normal(bound, "Scheduled", "Successfully assigned " + pod.namespace() + "/" + pod.name()
                + " to " + decision.node(), "default-scheduler", null);
          }
        });
      } else {
        String previous = messageOf(pod.object());
        if (!decision.message().equals(previous)) {
          ctx.store().mutate(ResourceCatalog.PODS, pod.namespace(), pod.name(), copy -> {
            copy.set("status", PodStatuses.unschedulable(decision.message(), ctx.now()));
            return copy;
          }).ifPresent(p -> ctx.events().warning(p, "FailedScheduling", decision.message(), "default-scheduler",
              null));
        }
      }
    }
  }

  private static String messageOf(JsonNode pod) {
    for (JsonNode c : pod.at("/status/conditions")) {
      if ("PodScheduled".equals(c.path("type").asText())) {
        return c.path("message").asText(null);
      }
    }
    return null;
  }

}
