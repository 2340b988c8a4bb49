package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static SyncRepository.ClusterRow row(String phase, Instant leaseUntil) {
        return new SyncRepository.ClusterRow("east", "replica-1", leaseUntil, phase, null, NOW.minusSeconds(60), 2, 2,
                NOW);
    }

    private static SyncRepository.TypeRow type(String resource, boolean listed, long listedSoFar, long objects,
            Instant lastEvent, Long lag) {
        return new SyncRepository.TypeRow("east", "", resource, "v1", "Kind", listed, listedSoFar, objects, "10",
                lastEvent, lag, null);
    }

    @Test
    void sumsObjectsAndReportsTheLatestEventAndTheLargestLag() {
        SyncStatus s = SyncStatus.of("east", row("Synced", NOW.plusSeconds(20)), List.of(
                type("pods", true, 30, 30, NOW.minusSeconds(5), 120L),
                type("nodes", true, 3, 3, NOW.minusSeconds(1), 40L)), true, NOW);

        assertThat(s.phase()).isEqualTo("Synced");
        assertThat(s.objects()).isEqualTo(33);
        assertThat(s.lastEventTime()).isEqualTo(NOW.minusSeconds(1));
        assertThat(s.lagMillis()).isEqualTo(120L);
        assertThat(s.holder()).isEqualTo("replica-1");
        assertThat(s.progress()).isEqualTo(new SyncStatus.Progress(2, 2, 33));
    }

    @Test
    void isSyncingUntilTheWriterHasFinishedEveryList() {
        SyncStatus s = SyncStatus.of("east", row("Synced", NOW.plusSeconds(20)), List.of(
                type("pods", true, 30, 30, null, null), type("nodes", false, 2, 0, null, null)), true, NOW);

        assertThat(s.phase()).isEqualTo("Syncing");
        assertThat(s.progress().typesListed()).isEqualTo(1);
        assertThat(s.progress().objectsListed()).isEqualTo(32);
    }

    @Test
    void saysWhenNoReplicaHoldsTheClusterAndKeepsTheLastReport() {
        SyncStatus s = SyncStatus.of("east", row("Stale", NOW.minusSeconds(1)), List.of(
                type("pods", true, 30, 30, null, null)), true, NOW);

        assertThat(s.holder()).isNull();
        assertThat(s.phase()).isEqualTo("Stale");
        assertThat(s.message()).contains("no server replica holds this cluster").contains("Stale");
        assertThat(s.objects()).isEqualTo(30);
    }

    @Test
    void aClusterNoReplicaHasSeenYetIsWaiting() {
        assertThat(SyncStatus.of("east", null, List.of(), true, NOW).message()).contains("waiting");
        assertThat(SyncStatus.of("east", null, List.of(), false, NOW).message()).contains("disabled");
    }
}
