package io.flotilla.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditPureTest {

    private static AuditEntry entry(String summary, String prev) {
        return new AuditEntry(1, UUID.fromString("00000000-0000-0000-0000-000000000001"),
                Instant.parse("2026-01-01T00:00:00.123456Z"), "alice", null, "127.0.0.1", "curl", "users.create",
                new AuditTarget("iam", null, null, "users", "bob"), 201, "success", "r1", summary, prev, null);
    }

    @Test
    void hashCoversContentAndPreviousHash() {
        String h = AuditChain.hash("genesis", entry("POST /api/v1/users", "genesis"));
        assertThat(h).hasSize(64).isEqualTo(AuditChain.hash("genesis", entry("POST /api/v1/users", "genesis")));
        assertThat(AuditChain.hash("genesis", entry("POST /api/v1/userz", "genesis"))).isNotEqualTo(h);
        assertThat(AuditChain.hash("other", entry("POST /api/v1/users", "other"))).isNotEqualTo(h);
    }

    @Test
    void fieldsCannotShiftIntoEachOther() {
        AuditEntry a = new AuditEntry(1, UUID.randomUUID(), Instant.EPOCH, "ab", null, null, null, "c",
                new AuditTarget(null, null, null, null, null), 200, "success", null, null, "g", null);
        AuditEntry b = new AuditEntry(1, a.id(), Instant.EPOCH, "a", null, null, null, "bc",
                new AuditTarget(null, null, null, null, null), 200, "success", null, null, "g", null);
        assertThat(AuditChain.hash("g", a)).isNotEqualTo(AuditChain.hash("g", b));
    }

    @Test
    void derivesActionAndTargetFromRestPaths() {
        var kube = RequestTargets.derive("DELETE", "/api/v1/clusters/c1/namespaces/ns/deployments.apps/web");
        assertThat(kube.action()).isEqualTo("deployments.apps.delete");
        assertThat(kube.target()).isEqualTo(new AuditTarget("cluster", "c1", "ns", "deployments.apps", "web"));
        assertThat(RequestTargets.derive("POST", "/api/v1/clusters").action()).isEqualTo("clusters.create");
        assertThat(RequestTargets.derive("PATCH", "/api/v1/clusters/c1").target())
                .isEqualTo(new AuditTarget("cluster", null, null, "clusters", "c1"));
        var probe = RequestTargets.derive("POST", "/api/v1/clusters/c1/probe");
        assertThat(probe.action()).isEqualTo("clusters.probe");
        assertThat(probe.target().name()).isEqualTo("c1");
        assertThat(RequestTargets.derive("POST", "/api/v1/users/bob/unlock").action()).isEqualTo("users.unlock");
        assertThat(RequestTargets.derive("POST", "/api/v1/me/password").action()).isEqualTo("users.password");
        var rb = RequestTargets.derive("POST", "/api/v1/workspaces/ws1/resourcebindings");
        assertThat(rb.action()).isEqualTo("resourcebindings.create");
        assertThat(rb.target().module()).isEqualTo("iam");
    }

    @Test
    void summariesNeverContainSecrets() {
        String body = "{\"name\":\"c1\",\"token\":\"s3cr3t\",\"kubeconfig\":\"apiVersion: v1\",\"password\":\"pw\","
                + "\"nested\":{\"caData\":\"LS0t\",\"region\":\"east\"},\"labels\":{\"a\":\"b\"}}";
        String s = Summaries.of("POST", "/api/v1/clusters", body.getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(s).contains("name=c1", "region=east", "a=b").doesNotContain("s3cr3t", "apiVersion", "pw\"",
                "LS0t");
        assertThat(s).contains("token=***", "password=***");
    }

    @Test
    void summariesOfUnparseableOrHugeBodiesStayShort() {
        assertThat(Summaries.of("POST", "/x", "{not json".getBytes(StandardCharsets.UTF_8), "application/json"))
                .contains("unparseable");
        String big = "{\"a\":\"" + "x".repeat(5000) + "\"}";
        assertThat(Summaries.of("POST", "/x", big.getBytes(StandardCharsets.UTF_8), "application/json").length())
                .isLessThanOrEqualTo(Summaries.MAX + 1);
    }

    @Test
    void csvQuotesAndNeutralisesFormulas() {
        assertThat(CsvFormat.cell("plain")).isEqualTo("plain");
        assertThat(CsvFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFormat.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFormat.cell("=cmd()")).isEqualTo("\"'=cmd()\"");
        assertThat(CsvFormat.cell(null)).isEmpty();
        assertThat(CsvFormat.row(entry("x", "g"))).endsWith("\r\n").startsWith("1,2026-01-01T00:00:00.123456Z,alice,");
    }
}
