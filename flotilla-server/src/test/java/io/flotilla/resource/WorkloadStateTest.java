package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadStateTest {

    private static WorkloadState.Facts facts(int desired, int current, int ready, int available, int updated) {
        return new WorkloadState.Facts(desired, current, ready, available, updated, desired == 0, false, false);
    }

    @Test
    void allReplicasReadyAndAvailableIsRunning() {
        assertThat(WorkloadState.of(facts(3, 3, 3, 3, 3))).isEqualTo("Running");
    }

    @Test
    void scaledToZeroIsStopped() {
        assertThat(WorkloadState.of(facts(0, 0, 0, 0, 0))).isEqualTo("Stopped");
    }

    @Test
    void replicasStillOnTheOldTemplateMeanProgressing() {
        assertThat(WorkloadState.of(facts(3, 3, 3, 3, 1))).isEqualTo("Progressing");
        assertThat(WorkloadState.of(facts(3, 4, 3, 3, 3))).as("old pods still terminating").isEqualTo("Progressing");
        assertThat(WorkloadState.of(new WorkloadState.Facts(3, 3, 3, 3, 3, false, false, true)))
                .as("generation not observed yet").isEqualTo("Progressing");
    }

    @Test
    void settledWithFewerAvailableThanDesiredIsDegraded() {
        assertThat(WorkloadState.of(facts(3, 3, 1, 1, 3))).isEqualTo("Degraded");
    }

    @Test
    void controllerFailureWinsOverEverything() {
        assertThat(WorkloadState.of(new WorkloadState.Facts(3, 3, 3, 3, 3, true, true, false))).isEqualTo("Failed");
    }
}
