package io.flotilla.sandbox.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadPlannersTest {

  private static final Taint CONTROL_PLANE = new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule");

  private static NodeCapacity node(String name, Map<String, String> labels, List<Taint> taints) {
    return new NodeCapacity(name, 8000, 8L << 30, 110, labels, taints, true, false);
  }

  private static final List<NodeCapacity> NODES = List.of(node("cp", Map.of(), List.of(CONTROL_PLANE)),
      node("w1", Map.of("disk", "ssd"), List.of()), node("w2", Map.of(), List.of()));

  @Test
  void daemonSetGetsOnePodPerSchedulableNode() {
    DaemonSetPlanner.Plan plan = DaemonSetPlanner.plan(NODES, Map.of(),
        new PodRequest("ns/p", 0, 0, Map.of(), List.of()), List.of(), "h1");

    assertThat(plan.createOn()).containsExactly("w1", "w2");
    assertThat(plan.desired()).isEqualTo(2);
  }

  @Test
  void daemonSetToleratingTheControlPlaneTaintAlsoRunsThere() {
    PodRequest tolerating = new PodRequest("ns/p", 0, 0, Map.of(), List.of(new Toleration("", "Exists", null, null)));

    DaemonSetPlanner.Plan plan = DaemonSetPlanner.plan(NODES, Map.of(), tolerating,
        List.of(new DaemonSetPlanner.DaemonPod("ds-a", "w1", "h1")), "h1");

    assertThat(plan.createOn()).containsExactly("cp", "w2");
    assertThat(plan.delete()).isEmpty();
  }

  @Test
  void daemonSetReplacesPodsOfAnOldTemplateAndDuplicatesAndRespectsNodeSelector() {
    DaemonSetPlanner.Plan plan = DaemonSetPlanner.plan(NODES, Map.of("disk", "ssd"),
        new PodRequest("ns/p", 0, 0, Map.of(), List.of()),
        List.of(new DaemonSetPlanner.DaemonPod("old", "w1", "h0"), new DaemonSetPlanner.DaemonPod("stray", "w2", "h1")),
        "h1");

    assertThat(plan.delete()).containsExactlyInAnyOrder("old", "stray");
    assertThat(plan.createOn()).containsExactly("w1");
  }

  @Test
  void jobCreatesPodsUpToParallelismUntilCompletionsSucceed() {
    assertThat(JobPlanner.plan(5, 2, 6, false, 0, 0, 0)).isEqualTo(new JobPlanner.Plan(2, JobPlanner.Outcome.RUNNING));
    assertThat(JobPlanner.plan(5, 2, 6, false, 1, 3, 0)).isEqualTo(new JobPlanner.Plan(1, JobPlanner.Outcome.RUNNING));
    assertThat(JobPlanner.plan(5, 2, 6, false, 0, 5, 0).outcome()).isEqualTo(JobPlanner.Outcome.COMPLETE);
  }

  @Test
  void jobFailsOnceFailuresExceedTheBackoffLimitAndSuspendedJobsCreateNothing() {
    assertThat(JobPlanner.plan(1, 1, 2, false, 0, 0, 3).outcome()).isEqualTo(JobPlanner.Outcome.FAILED);
    assertThat(JobPlanner.plan(1, 1, 2, false, 0, 0, 2)).isEqualTo(new JobPlanner.Plan(1, JobPlanner.Outcome.RUNNING));
    assertThat(JobPlanner.plan(3, 3, 6, true, 0, 0, 0).create()).isZero();
  }
}
