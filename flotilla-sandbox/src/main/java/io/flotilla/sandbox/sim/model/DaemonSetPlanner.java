package io.flotilla.sandbox.sim.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One daemon pod per eligible node, replacing pods of an older template. Pure logic. */
public final class DaemonSetPlanner {

  /**
   * A daemon pod that exists.
   *
   * @param name pod name
   * @param node spec.nodeName
   * @param hash its template hash label
   */
  public record DaemonPod(String name, String node, String hash) {
  }

  /**
   * What to do.
   *
   * @param createOn nodes that need a daemon pod
   * @param delete   pods to delete (on ineligible nodes, duplicates, older template)
   * @param desired  number of eligible nodes (status.desiredNumberScheduled)
   */
  public record Plan(List<String> createOn, List<String> delete, int desired) {
  }

  private DaemonSetPlanner() {
  }

  /**
   * @param nodes        all nodes
   * @param nodeSelector the template's nodeSelector
   * @param pod          tolerations of the template (taints block unless tolerated)
   * @param existing     the DaemonSet's pods
   * @param currentHash  hash of the current template
   */
  public static Plan plan(List<NodeCapacity> nodes, Map<String, String> nodeSelector, PodRequest pod,
                          List<DaemonPod> existing, String currentHash) {
    Set<String> eligible = new TreeSet<>();
    for (NodeCapacity node : nodes) {
      boolean selected = nodeSelector.entrySet().stream()
          .allMatch(e -> e.getValue().equals(node.labels().get(e.getKey())));
      boolean tolerated = node.taints().stream().noneMatch(t -> t.blocksScheduling() && !pod.tolerates(t));
      if (selected && tolerated) {
        eligible.add(node.name());
      }
    }
    Set<String> covered = new HashSet<>();
    List<String> delete = new ArrayList<>();
    for (DaemonPod p : existing) {
      if (!eligible.contains(p.node()) || !currentHash.equals(p.hash()) || !covered.add(p.node())) {
        delete.add(p.name());
      }
    }
    List<String> createOn = new ArrayList<>();
    for (String node : eligible) {
      if (!covered.contains(node)) {
        createOn.add(node);
      }
    }
    return new Plan(createOn, delete, eligible.size());
  }
}
