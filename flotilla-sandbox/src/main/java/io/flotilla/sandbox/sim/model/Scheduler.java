package io.flotilla.sandbox.sim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scheduling decisions (filter + least-allocated scoring), like kube-scheduler's default plugins for
 * resources, node selectors, taints, readiness and cordons. Keeps running totals so a batch of pods can be
 * placed one after another. Pure logic, not thread-safe.
 */
public final class Scheduler {

  /**
   * The outcome for one pod.
   *
   * @param node    chosen node, or null when none fits
   * @param message the FailedScheduling message when none fits
   */
  public record Decision(String node, String message) {

    public boolean scheduled() {
      return node != null;
    }
  }

  /**
   * Resources already requested on a node.
   *
   * @param cpuMilli    requested CPU
   * @param memoryBytes requested memory
   * @param pods        pods bound
   */
  public record Usage(long cpuMilli, long memoryBytes, int pods) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(long cpu, long memory) {
      return new Usage(cpuMilli + cpu, memoryBytes + memory, pods + 1);
    }
  }

  private final List<NodeCapacity> nodes;
  private final Map<String, Usage> usage;

  public Scheduler(List<NodeCapacity> nodes, Map<String, Usage> usage) {
    this.nodes = nodes.stream().sorted(java.util.Comparator.comparing(NodeCapacity::name)).toList();
    this.usage = new HashMap<>(usage);
  }

  public Usage usage(String node) {
    return usage.getOrDefault(node, Usage.NONE);
  }

  /** Picks a node for the pod and books its resources there; or explains why none fits. */
  public Decision schedule(PodRequest pod) {
    Map<String, Integer> reasons = new TreeMap<>();
    NodeCapacity best = null;
    double bestScore = Double.MAX_VALUE;
    for (NodeCapacity node : nodes) {
      String reason = misfit(node, pod);
      if (reason != null) {
        reasons.merge(reason, 1, Integer::sum);
        continue;
      }
      Usage used = usage(node.name());
      double score = fraction(used.cpuMilli() + pod.cpuMilli(), node.cpuMilli())
          + fraction(used.memoryBytes() + pod.memoryBytes(), node.memoryBytes())
          + fraction(used.pods() + 1, node.pods());
      if (score < bestScore) {
        best = node;
        bestScore = score;
      }
    }
    if (best == null) {
      List<String> parts = new ArrayList<>();
      reasons.forEach((reason, count) -> parts.add(reason.startsWith("Insufficient") || reason.startsWith("Too")
          ? count + " " + reason : count + " node(s) " + reason));
      String message = "0/" + nodes.size() + " nodes are available: " + String.join(", ", parts)
          + ". preemption: 0/" + nodes.size() + " nodes are available: " + nodes.size()
          + " Preemption is not helpful for scheduling.";
      return new Decision(null, message);
    }
    usage.put(best.name(), usage(best.name()).plus(pod.cpuMilli(), pod.memoryBytes()));
    return new Decision(best.name(), null);
  }

  private static double fraction(long used, long capacity) {
    return capacity <= 0 ? 1 : (double) used / capacity;
  }

  /** Why the pod cannot go on the node (null when it fits). */
  String misfit(NodeCapacity node, PodRequest pod) {
    if (node.unschedulable()) {
      return "were unschedulable";
    }
    for (Taint taint : node.taints()) {
      if (taint.blocksScheduling() && !pod.tolerates(taint)) {
        return "had untolerated taint " + taint;
      }
    }
    if (!node.ready()) {
      return "were not ready";
    }
    for (Map.Entry<String, String> e : pod.nodeSelector().entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return "didn't match Pod's node affinity/selector";
      }
    }
    Usage used = usage(node.name());
    if (used.pods() + 1 > node.pods()) {
      return "Too many pods";
    }
    if (used.cpuMilli() + pod.cpuMilli() > node.cpuMilli()) {
      return "Insufficient cpu";
    }
    if (used.memoryBytes() + pod.memoryBytes() > node.memoryBytes()) {
      return "Insufficient memory";
    }
    return null;
  }
}
