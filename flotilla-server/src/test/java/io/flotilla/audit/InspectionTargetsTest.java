package io.flotilla.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inspection mutations are audited with the cluster and what was changed as the target. */
class InspectionTargetsTest {

    @Test
    void configUpdateTargetsTheClustersInspectionConfig() {
        var d = RequestTargets.derive("PUT", "/api/v1/inspections/clusters/c1/config");
        assertThat(d.action()).isEqualTo("config.update");
        assertThat(d.target()).isEqualTo(new AuditTarget("inspection", "c1", null, "config", null));
    }

    @Test
    void startingARunIsARunCreateInTheCluster() {
        var d = RequestTargets.derive("POST", "/api/v1/inspections/clusters/c1/runs");
        assertThat(d.action()).isEqualTo("runs.create");
        assertThat(d.target()).isEqualTo(new AuditTarget("inspection", "c1", null, "runs", null));
    }

    @Test
    void acknowledgementsAreCreatedAndDeletedByIdInTheCluster() {
        var create = RequestTargets.derive("POST", "/api/v1/inspections/clusters/c1/acknowledgements");
        assertThat(create.action()).isEqualTo("acknowledgements.create");
        assertThat(create.target().cluster()).isEqualTo("c1");
        var delete = RequestTargets.derive("DELETE", "/api/v1/inspections/clusters/c1/acknowledgements/42");
        assertThat(delete.action()).isEqualTo("acknowledgements.delete");
        assertThat(delete.target()).isEqualTo(new AuditTarget("inspection", "c1", null, "acknowledgements", "42"));
    }
}
