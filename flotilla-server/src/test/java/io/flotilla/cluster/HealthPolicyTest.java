package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    private final HealthSettings settings = new HealthSettings(Duration.ofSeconds(30), 0.2, Duration.ofMinutes(5),
            Duration.ofSeconds(10), 2);
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final ProbeResult ok = new ProbeResult.Success("v1.32.0", "Kubernetes", false, 3, 3);
    private final ProbeResult down = new ProbeResult.Failure("Unreachable", "connection refused");

    @Test
    void successMakesAClusterRunningAndSchedulesTheNextProbeAfterTheInterval() {
        HealthPolicy.Outcome o = HealthPolicy.next(ClusterHealth.unknown(), ok, now, settings, 0.5);
        assertThat(o.health().phase()).isEqualTo("Running");
        assertThat(o.health().nodesReady()).isEqualTo(3);
        assertThat(o.nextProbe()).isEqualTo(now.plusSeconds(30));
        assertThat(o.health().conditions()).extracting(ClusterCondition::type, ClusterCondition::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Reachable", "True"),
                        org.assertj.core.groups.Tuple.tuple("NodesReady", "True"));
    }

    @Test
    void turnsUnhealthyOnlyAfterTheConfiguredNumberOfFailuresAndKeepsLastKnownFacts() {
        ClusterHealth running = HealthPolicy.next(ClusterHealth.unknown(), ok, now, settings, 0.5).health();
        ClusterHealth once = HealthPolicy.next(running, down, now, settings, 0.5).health();
        assertThat(once.phase()).isEqualTo("Running");
        assertThat(once.lastError()).isEqualTo("connection refused");
        ClusterHealth twice = HealthPolicy.next(once, down, now, settings, 0.5).health();
        assertThat(twice.phase()).isEqualTo("Unhealthy");
        assertThat(twice.kubernetesVersion()).isEqualTo("v1.32.0");
        assertThat(twice.nodesTotal()).isEqualTo(3);
    }

    @Test
    void backoffDoublesPerFailureUpToTheMaximum() {
        assertThat(HealthPolicy.backoff(settings, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HealthPolicy.backoff(settings, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(HealthPolicy.backoff(settings, 4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(HealthPolicy.backoff(settings, 5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(HealthPolicy.backoff(settings, 50)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterSpreadsProbesWithinTheConfiguredFraction() {
        assertThat(HealthPolicy.jittered(Duration.ofSeconds(30), 0.2, 0.0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(HealthPolicy.jittered(Duration.ofSeconds(30), 0.2, 0.999)).isBetween(Duration.ofSeconds(35),
                Duration.ofSeconds(36));
    }

    @Test
    void recoveryResetsFailuresAndClearsTheError() {
        ClusterHealth failing = HealthPolicy.next(ClusterHealth.unknown(), down, now, settings, 0.5).health();
        ClusterHealth failing2 = HealthPolicy.next(failing, down, now, settings, 0.5).health();
        ClusterHealth back = HealthPolicy.next(failing2, ok, now.plusSeconds(60), settings, 0.5).health();
        assertThat(back.phase()).isEqualTo("Running");
        assertThat(back.consecutiveFailures()).isZero();
        assertThat(back.lastError()).isNull();
    }

    @Test
    void conditionTransitionTimeOnlyMovesWhenTheStatusChanges() {
        ClusterHealth first = HealthPolicy.next(ClusterHealth.unknown(), ok, now, settings, 0.5).health();
        ClusterHealth second = HealthPolicy.next(first, ok, now.plusSeconds(30), settings, 0.5).health();
        assertThat(second.conditions().getFirst().lastTransitionTime()).isEqualTo(now);
        ClusterHealth down1 = HealthPolicy.next(second, down, now.plusSeconds(60), settings, 0.5).health();
        assertThat(down1.conditions().getFirst().lastTransitionTime()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void notReadyNodesShowInTheNodesReadyCondition() {
        ProbeResult partly = new ProbeResult.Success("v1.32.0", "Kubernetes", false, 2, 3);
        ClusterHealth h = HealthPolicy.next(ClusterHealth.unknown(), partly, now, settings, 0.5).health();
        assertThat(h.conditions().get(1).status()).isEqualTo("False");
        assertThat(h.conditions().get(1).message()).isEqualTo("2 of 3 nodes are Ready");
    }
}
