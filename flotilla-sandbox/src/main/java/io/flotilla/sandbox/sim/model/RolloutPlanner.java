package io.flotilla.sandbox.sim.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployment rollouts: which ReplicaSet serves the current template, what revision it carries, how the
 * ReplicaSets are scaled and which old ones are pruned. The rollout is immediate (the new ReplicaSet goes
 * to the desired count, the old ones to 0), which ends in the same state as a rolling update. Pure logic.
 */
public final class RolloutPlanner {

  /**
   * A Deployment's relevant spec.
   *
   * @param name                 deployment name
   * @param template             spec.template
   * @param replicas             spec.replicas
   * @param paused               spec.paused
   * @param revisionHistoryLimit spec.revisionHistoryLimit
   */
  public record DeploymentSpec(String name, JsonNode template, int replicas, boolean paused,
                               int revisionHistoryLimit) {
  }

  /**
   * An owned ReplicaSet.
   *
   * @param name     ReplicaSet name
   * @param template its spec.template
   * @param revision its deployment.kubernetes.io/revision
   * @param replicas its spec.replicas
   */
  public record ReplicaSetState(String name, JsonNode template, long revision, int replicas) {
  }

  /**
   * What to do.
   *
   * @param createName     name of a ReplicaSet to create (null for none)
   * @param createHash     its pod-template-hash
   * @param activeName     the ReplicaSet serving the current template (null if none while paused)
   * @param activeRevision the revision the active ReplicaSet (and the Deployment) should carry
   * @param replicas       desired spec.replicas per ReplicaSet name (including the one to create)
   * @param delete         old ReplicaSets to delete (beyond revisionHistoryLimit)
   */
  public record Plan(String createName, String createHash, String activeName, long activeRevision,
                     Map<String, Integer> replicas, List<String> delete) {
  }

  private RolloutPlanner() {
  }

  public static Plan plan(DeploymentSpec deployment, List<ReplicaSetState> owned) {
    long maxRevision = owned.stream().mapToLong(ReplicaSetState::revision).max().orElse(0);
    ReplicaSetState matching = owned.stream()
        .filter(rs -> TemplateHash.sameTemplate(rs.template(), deployment.template()))
        .max(Comparator.comparingLong(ReplicaSetState::revision)).orElse(null);
    String createName = null;
    String createHash = null;
    String activeName;
    long activeRevision;
    if (matching != null) {
      activeName = matching.name();
      activeRevision = matching.revision() < maxRevision && !deployment.paused() ? maxRevision + 1
          : matching.revision();
    } else if (deployment.paused()) {
      ReplicaSetState newest = owned.stream().max(Comparator.comparingLong(ReplicaSetState::revision)).orElse(null);
      activeName = newest == null ? null : newest.name();
      activeRevision = newest == null ? 0 : newest.revision();
    } else {
      int collisions = 0;
      createHash = TemplateHash.of(deployment.template());
      while (nameTaken(owned, deployment.name() + "-" + createHash)) {
        createHash = TemplateHash.of(deployment.template(), ++collisions);
      }
      createName = deployment.name() + "-" + createHash;
      activeName = createName;
      activeRevision = maxRevision + 1;
    }
    Map<String, Integer> replicas = new LinkedHashMap<>();
    List<ReplicaSetState> old = new ArrayList<>();
    for (ReplicaSetState rs : owned) {
      if (rs.name().equals(activeName)) {
        replicas.put(rs.name(), deployment.replicas());
      } else {
        replicas.put(rs.name(), 0);
        old.add(rs);
      }
    }
    if (createName != null) {
      replicas.put(createName, deployment.replicas());
    }
    old.sort(Comparator.comparingLong(ReplicaSetState::revision));
    List<String> delete = new ArrayList<>();
    int excess = old.size() - Math.max(0, deployment.revisionHistoryLimit());
    for (int i = 0; i < excess; i++) {
      delete.add(old.get(i).name());
      replicas.remove(old.get(i).name());
    }
    return new Plan(createName, createHash, activeName, activeRevision, replicas, delete);
  }

  private static boolean nameTaken(List<ReplicaSetState> owned, String name) {
    return owned.stream().anyMatch(rs -> rs.name().equals(name));
  }
}
