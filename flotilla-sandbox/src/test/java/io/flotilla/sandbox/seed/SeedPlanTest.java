package io.flotilla.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

  @Test
  void demoLayoutRunsThirtyPodsOnThreeNodes() {
    List<SeedPlan.Workload> plan = SeedPlan.plan(3, 30, 42);

    assertThat(SeedPlan.podCount(plan)).isEqualTo(30);
    assertThat(plan).extracting(SeedPlan.Workload::namespace).containsOnly("shop", "payments", "monitoring");
    assertThat(plan).extracting(SeedPlan.Workload::kind).contains(SeedPlan.Kind.DEPLOYMENT,
        SeedPlan.Kind.STATEFULSET, SeedPlan.Kind.DAEMONSET, SeedPlan.Kind.CRONJOB);
  }

  @Test
  void largeCountsAddGeneratedDeploymentsUntilThePodCountIsReached() {
    List<SeedPlan.Workload> plan = SeedPlan.plan(20, 1000, 7);

    assertThat(SeedPlan.podCount(plan)).isEqualTo(1000);
    assertThat(plan).anyMatch(w -> w.namespace().startsWith("apps-"));
  }

  @Test
  void zeroPodsMeansNoWorkloads() {
    assertThat(SeedPlan.plan(3, 0, 1)).isEmpty();
  }
}
