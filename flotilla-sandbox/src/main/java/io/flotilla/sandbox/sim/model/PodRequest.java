package io.flotilla.sandbox.sim.model;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler needs of a pod.
 *
 * @param name         namespace/name, for messages
 * @param cpuMilli     summed container CPU requests in millicores
 * @param memoryBytes  summed container memory requests in bytes
 * @param nodeSelector spec.nodeSelector
 * @param tolerations  spec.tolerations
 */
public record PodRequest(String name, long cpuMilli, long memoryBytes, Map<String, String> nodeSelector,
                         List<Toleration> tolerations) {

  public PodRequest {
    nodeSelector = Map.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
  }

  public boolean tolerates(Taint taint) {
    return tolerations.stream().anyMatch(t -> t.tolerates(taint));
  }
}
