package io.flotilla.sandbox.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.store.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {

  private static JsonNode template(String image) {
    ObjectNode t = Json.object();
    t.putObject("metadata").putObject("labels").put("app", "web");
    t.putObject("spec").putArray("containers").addObject().put("name", "web").put("image", image);
    return t;
  }

  private static JsonNode withHash(JsonNode template) {
    ObjectNode copy = template.deepCopy();
    ((ObjectNode) copy.at("/metadata/labels")).put(TemplateHash.LABEL, TemplateHash.of(template));
    return copy;
  }

  private static RolloutPlanner.DeploymentSpec deployment(String image, int replicas, boolean paused, int history) {
    return new RolloutPlanner.DeploymentSpec("web", template(image), replicas, paused, history);
  }

  @Test
  void createsTheFirstReplicaSetAsRevisionOneNamedAfterTheTemplateHash() {
    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:1", 3, false, 10), List.of());

    assertThat(plan.createName()).isEqualTo("web-" + TemplateHash.of(template("nginx:1")));
    assertThat(plan.activeRevision()).isEqualTo(1);
    assertThat(plan.replicas()).containsEntry(plan.createName(), 3);
  }

  @Test
  void templateChangeCreatesTheNextRevisionAndScalesTheOldReplicaSetToZero() {
    var old = new RolloutPlanner.ReplicaSetState("web-old", withHash(template("nginx:1")), 1, 3);

    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:2", 3, false, 10), List.of(old));

    assertThat(plan.createName()).isNotNull().isNotEqualTo("web-old");
    assertThat(plan.activeRevision()).isEqualTo(2);
    assertThat(plan.replicas()).containsEntry("web-old", 0).containsEntry(plan.createName(), 3);
  }

  @Test
  void unchangedTemplateKeepsTheReplicaSetAndOnlyScalesIt() {
    var current = new RolloutPlanner.ReplicaSetState("web-a", withHash(template("nginx:1")), 1, 3);

    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:1", 5, false, 10), List.of(current));

    assertThat(plan.createName()).isNull();
    assertThat(plan.activeRevision()).isEqualTo(1);
    assertThat(plan.replicas()).containsEntry("web-a", 5);
  }

  @Test
  void rollbackReusesTheOldReplicaSetUnderTheNextRevision() {
    var first = new RolloutPlanner.ReplicaSetState("web-a", withHash(template("nginx:1")), 1, 0);
    var second = new RolloutPlanner.ReplicaSetState("web-b", withHash(template("nginx:2")), 2, 3);

    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:1", 3, false, 10), List.of(first, second));

    assertThat(plan.createName()).isNull();
    assertThat(plan.activeName()).isEqualTo("web-a");
    assertThat(plan.activeRevision()).isEqualTo(3);
    assertThat(plan.replicas()).containsEntry("web-a", 3).containsEntry("web-b", 0);
  }

  @Test
  void prunesTheOldestReplicaSetsBeyondTheRevisionHistoryLimit() {
    List<RolloutPlanner.ReplicaSetState> owned = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      owned.add(new RolloutPlanner.ReplicaSetState("web-" + i, withHash(template("nginx:" + i)), i, i == 4 ? 2 : 0));
    }

    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:5", 2, false, 2), owned);

    assertThat(plan.activeRevision()).isEqualTo(5);
    assertThat(plan.delete()).containsExactly("web-1", "web-2");
    assertThat(plan.replicas()).doesNotContainKeys("web-1", "web-2").containsEntry("web-3", 0)
        .containsEntry("web-4", 0);
  }

  @Test
  void pausedDeploymentDoesNotRollOutATemplateChangeButStillScales() {
    var current = new RolloutPlanner.ReplicaSetState("web-a", withHash(template("nginx:1")), 1, 2);

    RolloutPlanner.Plan plan = RolloutPlanner.plan(deployment("nginx:2", 4, true, 10), List.of(current));

    assertThat(plan.createName()).isNull();
    assertThat(plan.replicas()).containsEntry("web-a", 4);
  }

  @Test
  void templateHashIgnoresThePodTemplateHashLabel() {
    assertThat(TemplateHash.of(withHash(template("nginx:1")))).isEqualTo(TemplateHash.of(template("nginx:1")));
    assertThat(TemplateHash.of(template("nginx:1"))).matches("[bcdfghjklmnpqrstvwxz2456789]+")
        .isNotEqualTo(TemplateHash.of(template("nginx:2")));
  }
}
