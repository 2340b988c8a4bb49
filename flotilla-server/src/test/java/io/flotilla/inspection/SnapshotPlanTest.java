package io.flotilla.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.flotilla.inspection.checks.Snapshot;
import io.flotilla.search.SyncStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotPlanTest {

    private static SyncStatus.Resource type(String group, String version, String resource, boolean listed,
            String error) {
        return new SyncStatus.Resource(group, version, resource, "Kind", listed, 1, 1, "1", null, null, error);
    }

    private static List<SyncStatus.Resource> defaults() {
        return List.of(type("", "v1", "pods", true, null), type("", "v1", "nodes", true, null),
                type("", "v1", "configmaps", true, null), type("", "v1", "secrets", true, null),
                type("apps", "v1", "deployments", true, null),
                type("autoscaling", "v2", "horizontalpodautoscalers", true, null));
    }

    private static SyncStatus status(String phase, String holder, List<SyncStatus.Resource> resources) {
        return new SyncStatus("c1", phase, null, Instant.EPOCH, holder, 6, null, null,
                new SyncStatus.Progress(resources.size(), resources.size(), 6), resources);
    }

    @Test
    void syncedIndexServesItsKindsAndLeavesSecretsAndUnsyncedKindsToTheCluster() {
        SnapshotPlan plan = SnapshotPlan.of(status("Synced", "replica-1", defaults()), Snapshot.KINDS);

        assertThat(plan.source()).isEqualTo("index");
        assertThat(plan.reason()).isNull();
        assertThat(plan.fromIndex()).containsExactlyInAnyOrder(Pod.class, Node.class, ConfigMap.class,
                Deployment.class, HorizontalPodAutoscaler.class);
        assertThat(plan.fromIndex()).doesNotContain(Secret.class, Role.class);
    }

    @Test
    void indexStillSyncingFallsBackToTheClusterForEverything() {
        SnapshotPlan plan = SnapshotPlan.of(status("Syncing", "replica-1", defaults()), Snapshot.KINDS);

        assertThat(plan.source()).isEqualTo("cluster");
        assertThat(plan.fromIndex()).isEmpty();
        assertThat(plan.reason()).contains("Syncing");
    }

    @Test
    void syncedClusterNoReplicaHoldsAnyMoreIsNotFresh() {
        SnapshotPlan plan = SnapshotPlan.of(status("Synced", null, defaults()), Snapshot.KINDS);

        assertThat(plan.fromIndex()).isEmpty();
    }

    @Test
    void oneNeededKindNotListedOrFailingFallsBackToTheClusterForEverything() {
        List<SyncStatus.Resource> relisting = List.of(type("", "v1", "pods", false, null),
                type("apps", "v1", "deployments", true, null));
        List<SyncStatus.Resource> failing = List.of(type("", "v1", "pods", true, null),
                type("apps", "v1", "deployments", true, "watch failed: HTTP 500"));

        SnapshotPlan notListed = SnapshotPlan.of(status("Synced", "r", relisting), Snapshot.KINDS);
        SnapshotPlan broken = SnapshotPlan.of(status("Synced", "r", failing), Snapshot.KINDS);

        assertThat(notListed.fromIndex()).isEmpty();
        assertThat(notListed.reason()).contains("pods");
        assertThat(broken.fromIndex()).isEmpty();
        assertThat(broken.reason()).contains("deployments", "HTTP 500");
    }

    @Test
    void kindSyncedInAnotherVersionThanTheModelClassIsReadFromTheCluster() {
        List<SyncStatus.Resource> v1Hpa = List.of(type("", "v1", "pods", true, null),
                type("autoscaling", "v1", "horizontalpodautoscalers", true, null));

        SnapshotPlan plan = SnapshotPlan.of(status("Synced", "r", v1Hpa), Snapshot.KINDS);

        assertThat(plan.fromIndex()).containsExactly(Pod.class);
    }

    @Test
    void missingStatusOrNoInspectedKindMeansCluster() {
        assertThat(SnapshotPlan.of(null, Snapshot.KINDS).source()).isEqualTo("cluster");
        assertThat(SnapshotPlan.of(status("Synced", "r", List.of(type("", "v1", "events", true, null))),
                Snapshot.KINDS).source()).isEqualTo("cluster");
    }
}
