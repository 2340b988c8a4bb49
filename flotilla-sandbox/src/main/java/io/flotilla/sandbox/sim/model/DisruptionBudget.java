package io.flotilla.sandbox.sim.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a PodDisruptionBudget allows, computed as the disruption controller does. Pure logic.
 *
 * @param expectedPods       pods the budget expects (controllers' replicas, or the selected pods)
 * @param currentHealthy     selected pods that are Ready
 * @param desiredHealthy     Ready pods the budget requires
 * @param disruptionsAllowed voluntary disruptions allowed now
 */
public record DisruptionBudget(int expectedPods, int currentHealthy, int desiredHealthy, int disruptionsAllowed) {

  /** Message of the API server when an eviction would violate a budget. */
  public static final String VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";
  /** Message of the API server when several budgets select the pod. */
  public static final String SEVERAL = "This pod has more than one PodDisruptionBudget, which the eviction "
      + "subresource does not support.";

  /**
   * @param spec                 the budget's {@code spec}
   * @param selectedPods         live pods its selector matches (not terminal, not being deleted)
   * @param controllersReplicas  sum of the desired replicas of those pods' controllers, or 0 when unknown
   */
  public static DisruptionBudget of(JsonNode spec, List<JsonNode> selectedPods, int controllersReplicas) {
    int healthy = (int) selectedPods.stream().filter(PodStatuses::isReady).count();
    JsonNode minAvailable = spec.path("minAvailable");
    JsonNode maxUnavailable = spec.path("maxUnavailable");
    int expected;
    int desired;
    if (!maxUnavailable.isMissingNode() && !maxUnavailable.isNull()) {
      expected = controllersReplicas > 0 ? controllersReplicas : selectedPods.size();
      desired = Math.max(0, expected - scaled(maxUnavailable, expected));
    } else if (minAvailable.isTextual()) {
      expected = controllersReplicas > 0 ? controllersReplicas : selectedPods.size();
      desired = scaled(minAvailable, expected);
    } else {
      expected = selectedPods.size();
      desired = minAvailable.isMissingNode() || minAvailable.isNull() ? 1 : minAvailable.asInt();
    }
    return new DisruptionBudget(expected, healthy, desired, Math.max(0, healthy - desired));
  }

  /** An int or a percentage of {@code total}, percentages rounded up (as Kubernetes does for budgets). */
  static int scaled(JsonNode value, int total) {
    if (value.isTextual() && value.asText().endsWith("%")) {
      String text = value.asText();
      int percent = Integer.parseInt(text.substring(0, text.length() - 1).trim());
      return (int) Math.ceil(percent * total / 100.0);
    }
    return value.asInt();
  }

  /**
   * Whether evicting a pod is allowed: a Ready pod needs a disruption to spare; a pod that is not
   * Ready may go while the budget is met (the default {@code IfHealthyBudget} policy).
   */
  public boolean allowsEvicting(boolean podReady) {
    return podReady ? disruptionsAllowed > 0 : currentHealthy >= desiredHealthy;
  }
}
