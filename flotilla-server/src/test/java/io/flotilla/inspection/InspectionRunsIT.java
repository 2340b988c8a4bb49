package io.flotilla.inspection;

import static io.flotilla.support.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flotilla.inspection.checks.Evaluator;
import io.flotilla.inspection.checks.Selection;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.ServerTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/** Run lifecycle rules that need the database: one active run per cluster, mid-run failure, stale runs. */
class InspectionRunsIT extends ServerTestBase {

    @Autowired
    InspectionRepository repository;

    @Autowired
    Evaluator evaluator;

    @Autowired
    Clock clock;

    @Test
    void aClusterHasAtMostOneActiveRunAndAnotherStartsOnceItFinished() {
        try (SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec(unique("insp-one"), 1, 0, 3))) {
            String cluster = sandbox.name();
            assertThat(api.post("/api/v1/clusters", Map.of("name", cluster, "kubeconfig", sandbox.kubeconfig())).status())
                    .isEqualTo(201);
            UUID held = UUID.randomUUID();
            repository.insertRun(held, cluster, "manual", "test", 3, clock.instant());
            assertThatThrownBy(() -> repository.insertRun(UUID.randomUUID(), cluster, "manual", "test", 3, clock.instant()))
                    .isInstanceOf(DuplicateKeyException.class);
            var conflict = api.post("/api/v1/inspections/clusters/" + cluster + "/runs", Map.of());
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.json().get("detail").asString()).contains("already has an inspection in progress");
            repository.fail(held, "released by the test", clock.instant());
            var started = api.post("/api/v1/inspections/clusters/" + cluster + "/runs", Map.of());
            assertThat(started.status()).isEqualTo(202);
            String id = started.json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> "Succeeded".equals(
                    api.get("/api/v1/inspections/runs/" + id).json().get("status").asString()));
            api.delete("/api/v1/clusters/" + cluster);
        }
    }

    @Test
    void clusterLostAfterSomeStepsFailsTheRunWithoutStoringFindings() throws InterruptedException {
        String cluster = unique("insp-mid");
        SnapshotSource losesTheCluster = new SnapshotSource() {
            @Override
            public int steps() {
                return 10;
            }

            @Override
            public Result take(String name, Progress progress) {
                for (int i = 0; i < 4; i++) {
                    progress.step(i, 10, "listing kind " + i);
                }
                throw new SourceUnavailableException("cluster '" + name + "' became unreachable while reading pods "
                        + "(ConnectException: Connection refused)", null);
            }
        };
        InspectionRunner runner = new InspectionRunner(repository, losesTheCluster, evaluator, clock);
        UUID id = UUID.randomUUID();
        repository.insertRun(id, cluster, "manual", "test", runner.steps(), clock.instant());
        runner.submit(id, cluster, Selection.everything(), 10);
        InspectionRun run = await().atMost(Duration.ofSeconds(10))
                .until(() -> repository.run(id).orElseThrow(), InspectionRun::finished);
        assertThat(run.status()).isEqualTo(InspectionRun.FAILED);
        assertThat(run.reason()).contains(cluster, "unreachable while reading pods");
        assertThat(run.progress().step()).isEqualTo(3);
        assertThat(run.findings()).isNull();
        assertThat(run.score()).isNull();
        assertThat(repository.findings(id, io.flotilla.iam.Listable.everything(), null, null, null, -1, 10)).isEmpty();
        runner.destroy();
    }

    @Test
    void runWhoseServerStoppedIsFailedAfterItsHeartbeatGoesStale() {
        String cluster = unique("insp-stale");
        UUID id = UUID.randomUUID();
        Instant long_ago = clock.instant().minus(Duration.ofHours(1));
        repository.insertRun(id, cluster, "schedule", null, 3, long_ago);
        repository.start(id, long_ago);
        // the scheduler's tick does the same; either way the run must end Failed with the reason
        repository.failStale(clock.instant().minus(Duration.ofMinutes(5)), clock.instant());
        InspectionRun run = repository.run(id).orElseThrow();
        assertThat(run.status()).isEqualTo(InspectionRun.FAILED);
        assertThat(run.reason()).contains("stopped before it finished");
    }
}
