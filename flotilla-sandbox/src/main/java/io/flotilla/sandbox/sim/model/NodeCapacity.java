package io.flotilla.sandbox.sim.model;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler knows about a node.
 *
 * @param name          node name
 * @param cpuMilli      allocatable CPU in millicores
 * @param memoryBytes   allocatable memory in bytes
 * @param pods          allocatable pod count
 * @param labels        node labels
 * @param taints        node taints
 * @param ready         whether the Ready condition is True
 * @param unschedulable spec.unschedulable (cordoned)
 */
public record NodeCapacity(String name, long cpuMilli, long memoryBytes, int pods, Map<String, String> labels,
                           List<Taint> taints, boolean ready, boolean unschedulable) {

  public NodeCapacity {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }
}
