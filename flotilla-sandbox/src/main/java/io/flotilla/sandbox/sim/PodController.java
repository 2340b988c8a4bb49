package io.flotilla.sandbox.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.sim.model.PodStatuses;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kubelet: starts bound pods (Pending to Running with IPs and container statuses), applies faults
 * (CrashLoopBackOff restarts, ImagePullBackOff) and finishes Job pods.
 */
final class PodController {

  private final SimContext ctx;
  private final Map<String, AtomicInteger> ipCounters = new ConcurrentHashMap<>();
  /** Pods in a crash loop (namespace/name), restarted by the crash-loop timer. */
  private final Set<String> crashLooping = ConcurrentHashMap.newKeySet();

  PodController(SimContext ctx) {
    this.ctx = ctx;
  }

  Set<String> crashLooping() {
    return crashLooping;
  }

  void reconcile(String namespace, String name) {
    StoredObject pod = ctx.store().get(ResourceCatalog.PODS, namespace, name).orElse(null);
    if (pod == null) {
      crashLooping.remove(namespace + "/" + name);
      return;
    }
    JsonNode object = pod.object();
    String nodeName = object.at("/spec/nodeName").asText("");
    if (nodeName.isEmpty() || PodStatuses.isTerminal(object) || object.at("/metadata/deletionTimestamp").isTextual()) {
      return;
    }
    StoredObject node = ctx.store().get(ResourceCatalog.NODES, null, nodeName).orElse(null);
    String hostIp = node == null ? "192.168.0.1" : NodeViews.internalIp(node.object());
    String fault = Faults.ofPod(object);
    boolean started = object.at("/status/podIP").isTextual();
    String waiting = waitingReason(object);
    Instant now = ctx.now();
    if (!started) {
      start(pod, nodeName, hostIp, fault, now);
      return;
    }
    if (fault == null && waiting != null || fault != null && !fault.equals(waiting)) {
      restart(pod, hostIp, fault, now);
      return;
    }
    if (isJobPod(object) && fault == null) {
      Instant startTime = Json.instant(Json.text(object, "status.startTime"));
      Duration runFor = runDuration(object);
      if (startTime != null && !now.isBefore(startTime.plus(runFor))) {
        ctx.store().mutate(ResourceCatalog.PODS, namespace, name, copy -> {
          copy.set("status", PodStatuses.finished(copy, true, now));
          return copy;
        });
      }
    }
  }

  /** Whether a pod event needs the kubelet (start, fault change, job completion). Called under the store lock. */
  static boolean needsWork(JsonNode pod) {
    if (pod.at("/spec/nodeName").asText("").isEmpty() || PodStatuses.isTerminal(pod)) {
      return false;
    }
    if (!pod.at("/status/podIP").isTextual()) {
      return true;
    }
    String fault = Faults.ofPod(pod);
    String waiting = waitingReason(pod);
    return fault == null ? waiting != null : !fault.equals(waiting);
  }

  /** Restarts every crash-looping container once (the crash-loop timer). */
  void crashTick() {
    for (String key : java.util.List.copyOf(crashLooping)) {
      int slash = key.indexOf('/');
      StoredObject pod = ctx.store().get(ResourceCatalog.PODS, key.substring(0, slash), key.substring(slash + 1))
          .orElse(null);
      if (pod == null || !Faults.CRASH_LOOP.equals(Faults.ofPod(pod.object()))) {
        crashLooping.remove(key);
        continue;
      }
      StoredObject node = ctx.store().get(ResourceCatalog.NODES, null, pod.object().at("/spec/nodeName").asText())
          .orElse(null);
      restart(pod, node == null ? "192.168.0.1" : NodeViews.internalIp(node.object()), Faults.CRASH_LOOP,
          ctx.now());
    }
  }

  private void start(StoredObject pod, String nodeName, String hostIp, String fault, Instant now) {
    String podIp = nextIp(pod, nodeName);
    String waiting = fault == null ? null : Faults.IMAGE_PULL.equals(fault) ? Faults.IMAGE_PULL : Faults.CRASH_LOOP;
    ctx.store().mutate(ResourceCatalog.PODS, pod.namespace(), pod.name(), copy -> {
      copy.set("status", PodStatuses.running(copy, hostIp, podIp, now, 0, waiting, now));
      return copy;
    }).ifPresent(running -> {
      String image = running.object().at("/spec/containers/0/image").asText();
      String container = running.object().at("/spec/containers/0/name").asText();
      if (Faults.IMAGE_PULL.equals(waiting)) {
        ctx.events().normal(running, "Pulling", "Pulling image \"" + image + "\"", "kubelet", nodeName);
        ctx.events().warning(running, "Failed", "Failed to pull image \"" + image + "\": rpc error: code = NotFound"
            + " desc = failed to pull and unpack image \"" + image + "\": not found", "kubelet", nodeName);
        ctx.events().warning(running, "Failed", "Error: ErrImagePull", "kubelet", nodeName);
        ctx.events().normal(running, "BackOff", "Back-off pulling image \"" + image + "\"", "kubelet", nodeName);
        return;
      }
      if (ctx.settings().eventsPerPod()) {
        ctx.events().normal(running, "Pulled", "Container image \"" + image + "\" already present on machine",
            "kubelet", nodeName);
        ctx.events().normal(running, "Created", "Created container " + container, "kubelet", nodeName);
        ctx.events().normal(running, "Started", "Started container " + container, "kubelet", nodeName);
      }
      if (Faults.CRASH_LOOP.equals(waiting)) {
        crashLooping.add(running.key());
        ctx.events().warning(running, "BackOff", "Back-off restarting failed container " + container + " in pod "
            + running.name() + "_" + running.namespace() + "(" + running.uid() + ")", "kubelet", nodeName);
      } else if (isJobPod(running.object())) {
        ctx.timers().schedule(() -> ctx.enqueue().accept(WorkItem.of(WorkItem.Kind.POD, running.namespace(),
            running.name())), runDuration(running.object()).toMillis() + 5, TimeUnit.MILLISECONDS);
      }
    });
  }

  private void restart(StoredObject pod, String hostIp, String fault, Instant now) {
    JsonNode object = pod.object();
    int restarts = object.at("/status/containerStatuses/0/restartCount").asInt(0);
    String podIp = object.at("/status/podIP").asText();
    Instant started = Json.instant(Json.text(object, "status.startTime"));
    boolean crash = Faults.CRASH_LOOP.equals(fault);
    if (isJobPod(object) && crash) {
      ctx.store().mutate(ResourceCatalog.PODS, pod.namespace(), pod.name(), copy -> {
        copy.set("status", PodStatuses.finished(copy, false, now));
        return copy;
      });
      crashLooping.remove(pod.key());
      return;
    }
    String waiting = fault == null ? null : Faults.IMAGE_PULL.equals(fault) ? Faults.IMAGE_PULL : Faults.CRASH_LOOP;
    int nextRestarts = crash ? restarts + 1 : restarts;
    ctx.store().mutate(ResourceCatalog.PODS, pod.namespace(), pod.name(), copy -> {
      copy.set("status", PodStatuses.running(copy, hostIp, podIp, started == null ? now : started, nextRestarts,
          waiting, now));
      return copy;
    }).ifPresent(p -> {
      String node = p.object().at("/spec/nodeName").asText();
      if (crash) {
        crashLooping.add(p.key());
        ctx.events().warning(p, "BackOff", "Back-off restarting failed container "
            + p.object().at("/spec/containers/0/name").asText() + " in pod " + p.name() + "_" + p.namespace()
            + "(" + p.uid() + ")", "kubelet", node);
      } else {
        crashLooping.remove(p.key());
      }
    });
  }

  private static String waitingReason(JsonNode pod) {
    for (JsonNode s : pod.at("/status/containerStatuses")) {
      String reason = s.at("/state/waiting/reason").asText("");
      if (!reason.isEmpty()) {
        return reason;
      }
    }
    return null;
  }

  private static boolean isJobPod(JsonNode pod) {
    JsonNode owner = Owners.controllerOf(pod);
    return owner != null && "Job".equals(owner.path("kind").asText());
  }

  private Duration runDuration(JsonNode pod) {
    String seconds = Json.annotations(pod).get(Faults.RUN_SECONDS);
    if (seconds != null) {
      try {
        return Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000));
      } catch (NumberFormatException e) {
        // fall back to the default
      }
    }
    return ctx.settings().jobPodDuration();
  }

  private String nextIp(StoredObject pod, String nodeName) {
    StoredObject node = ctx.store().get(ResourceCatalog.NODES, null, nodeName).orElse(null);
    String cidr = node == null ? "10.244.0.0/24" : node.object().at("/spec/podCIDR").asText("10.244.0.0/24");
    String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    int n = ipCounters.computeIfAbsent(nodeName, k -> new AtomicInteger()).getAndIncrement() % 253 + 2;
    return octets[0] + "." + octets[1] + "." + octets[2] + "." + n;
  }
}
