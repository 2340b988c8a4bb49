package io.flotilla.sandbox.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private static NodeCapacity node(String name, long cpu, int pods, Map<String, String> labels, List<Taint> taints) {
    return new NodeCapacity(name, cpu, 8L << 30, pods, labels, taints, true, false);
  }

  private static PodRequest pod(long cpu) {
    return new PodRequest("ns/p", cpu, 64L << 20, Map.of(), List.of());
  }

  @Test
  void placesPodsOnTheLeastAllocatedNodeThatHasRoom() {
    Scheduler scheduler = new Scheduler(List.of(node("a", 1000, 110, Map.of(), List.of()),
        node("b", 1000, 110, Map.of(), List.of())), Map.of("a", new Scheduler.Usage(800, 0, 3)));

    assertThat(scheduler.schedule(pod(300)).node()).isEqualTo("b");
    assertThat(scheduler.usage("b").cpuMilli()).isEqualTo(300);
  }

  @Test
  void reportsInsufficientCpuWhenNoNodeHasRoomForTheRequests() {
    Scheduler scheduler = new Scheduler(List.of(node("a", 500, 110, Map.of(), List.of())), Map.of());

    Scheduler.Decision decision = scheduler.schedule(pod(600));

    assertThat(decision.scheduled()).isFalse();
    assertThat(decision.message()).startsWith("0/1 nodes are available: 1 Insufficient cpu");
  }

  @Test
  void stopsAtThePodLimitOfFullNodes() {
    Scheduler scheduler = new Scheduler(List.of(node("a", 8000, 2, Map.of(), List.of())), Map.of());

    assertThat(scheduler.schedule(pod(10)).scheduled()).isTrue();
    assertThat(scheduler.schedule(pod(10)).scheduled()).isTrue();
    assertThat(scheduler.schedule(pod(10)).message()).contains("Too many pods");
  }

  @Test
  void respectsTheNodeSelector() {
    Scheduler scheduler = new Scheduler(List.of(node("amd", 8000, 110, Map.of("kubernetes.io/arch", "amd64"), List.of()),
        node("arm", 8000, 110, Map.of("kubernetes.io/arch", "arm64"), List.of())), Map.of());
    PodRequest armOnly = new PodRequest("ns/p", 10, 0, Map.of("kubernetes.io/arch", "arm64"), List.of());
    PodRequest gpu = new PodRequest("ns/p", 10, 0, Map.of("gpu", "true"), List.of());

    assertThat(scheduler.schedule(armOnly).node()).isEqualTo("arm");
    assertThat(scheduler.schedule(gpu).message()).contains("2 node(s) didn't match Pod's node affinity/selector");
  }

  @Test
  void keepsPodsOffTaintedNodesUnlessTolerated() {
    Taint controlPlane = new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule");
    Scheduler scheduler = new Scheduler(List.of(node("cp", 8000, 110, Map.of(), List.of(controlPlane))), Map.of());
    PodRequest tolerating = new PodRequest("ns/p", 10, 0, Map.of(),
        List.of(new Toleration("node-role.kubernetes.io/control-plane", "Exists", null, "NoSchedule")));

    assertThat(scheduler.schedule(pod(10)).message())
        .contains("1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
    assertThat(scheduler.schedule(tolerating).node()).isEqualTo("cp");
  }

  @Test
  void toleratesEverythingWithAnEmptyKeyExistsToleration() {
    assertThat(new Toleration("", "Exists", null, null).tolerates(new Taint("any", "v", "NoExecute"))).isTrue();
    assertThat(new Toleration("k", "Equal", "a", null).tolerates(new Taint("k", "b", "NoSchedule"))).isFalse();
  }

  @Test
  void skipsNotReadyAndCordonedNodes() {
    Scheduler scheduler = new Scheduler(List.of(
        new NodeCapacity("down", 8000, 8L << 30, 110, Map.of(), List.of(), false, false),
        new NodeCapacity("cordoned", 8000, 8L << 30, 110, Map.of(), List.of(), true, true)), Map.of());

    assertThat(scheduler.schedule(pod(10)).message()).contains("were not ready").contains("were unschedulable");
  }
}
