package io.flotilla.sandbox.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.sandbox.store.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisruptionBudgetTest {

  private static JsonNode json(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> pods(int ready, int notReady) {
    List<JsonNode> pods = new ArrayList<>();
    for (int i = 0; i < ready; i++) {
      pods.add(json("{\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}"));
    }
    for (int i = 0; i < notReady; i++) {
      pods.add(json("{\"status\":{\"phase\":\"Pending\"}}"));
    }
    return pods;
  }

  @Test
  void minAvailableCountAllowsTheHealthySurplus() {
    DisruptionBudget budget = DisruptionBudget.of(json("{\"minAvailable\":2}"), pods(3, 0), 3);

    assertThat(budget).isEqualTo(new DisruptionBudget(3, 3, 2, 1));
    assertThat(budget.allowsEvicting(true)).isTrue();
  }

  @Test
  void minAvailableEqualToReplicasBlocksEveryEvictionOfAReadyPod() {
    DisruptionBudget budget = DisruptionBudget.of(json("{\"minAvailable\":3}"), pods(3, 0), 3);

    assertThat(budget.disruptionsAllowed()).isZero();
    assertThat(budget.allowsEvicting(true)).isFalse();
  }

  @Test
  void maxUnavailablePercentRoundsUpAgainstTheControllersReplicas() {
    DisruptionBudget budget = DisruptionBudget.of(json("{\"maxUnavailable\":\"25%\"}"), pods(4, 2), 6);

    assertThat(budget.expectedPods()).isEqualTo(6);
    assertThat(budget.desiredHealthy()).isEqualTo(4);
    assertThat(budget.disruptionsAllowed()).isZero();
  }

  @Test
  void minAvailablePercentRoundsUp() {
    DisruptionBudget budget = DisruptionBudget.of(json("{\"minAvailable\":\"50%\"}"), pods(3, 0), 3);

    assertThat(budget.desiredHealthy()).isEqualTo(2);
    assertThat(budget.disruptionsAllowed()).isEqualTo(1);
  }

  @Test
  void anUnreadyPodMayGoWhileTheBudgetIsMetButNotWhenItIsBroken() {
    DisruptionBudget met = DisruptionBudget.of(json("{\"minAvailable\":2}"), pods(2, 1), 3);
    DisruptionBudget broken = DisruptionBudget.of(json("{\"minAvailable\":3}"), pods(2, 1), 3);

    assertThat(met.allowsEvicting(false)).isTrue();
    assertThat(met.allowsEvicting(true)).isFalse();
    assertThat(broken.allowsEvicting(false)).isFalse();
  }
}
