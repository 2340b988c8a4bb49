package io.flotilla.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.inspection.InspectionRepository.StoredFinding;
import io.flotilla.inspection.checks.Catalogue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();

    private static StoredFinding finding(int seq, String check, String severity, String ns, String name, String message) {
        return new StoredFinding(seq, check, "security", severity, "Deployment", ns, name, message,
                check + "|Deployment/" + ns + "/" + name);
    }

    private static InspectionRun run(UUID id) {
        return new InspectionRun(id, "c1", "Succeeded", null, "manual", "admin", new InspectionRun.Progress(3, 3, "done"),
                10, 217, 2, 80, 1L, 1L, List.of(), Instant.parse("2026-12-01T12:00:00Z"),
                Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-01T12:00:01Z"), "cluster", List.of());
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        FindingView f = Reports.view("c1", finding(0, "SEC-001", "critical", "ns", "web", "=cmd|' /C calc'!A0, \"x\""),
                CATALOGUE, Set.of());
        String csv = Exports.csv(List.of(f));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).startsWith("severity,category,check,title,")
                .contains("\"'=cmd|' /C calc'!A0, \"\"x\"\"\"");
    }

    @Test
    void htmlEscapesObjectNamesAndMessages() {
        FindingView f = Reports.view("c1", finding(0, "SEC-001", "critical", "ns", "web", "<script>alert(1)</script>"),
                CATALOGUE, Set.of());
        Report r = Reports.build(run(UUID.randomUUID()), true, List.of(finding(0, "SEC-001", "critical", "ns", "web", "m")),
                List.of(), null, Set.of(), CATALOGUE, List.of());
        String html = Exports.html(r, List.of(f));
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>").contains("85 / 100");
    }

    @Test
    void reportCountsTrendAndAcknowledgements() {
        List<StoredFinding> previous = List.of(finding(0, "SEC-001", "critical", "ns", "old", "m"),
                finding(1, "WL-001", "warning", "ns", "web", "m"));
        List<StoredFinding> current = List.of(finding(0, "WL-001", "warning", "ns", "web", "m"),
                finding(1, "SEC-001", "critical", "ns", "new", "m"), finding(2, "HY-003", "info", "ns", "cm", "m"));
        Report r = Reports.build(run(UUID.randomUUID()), true, current, previous, run(UUID.randomUUID()),
                Set.of("SEC-001|Deployment/ns/new"), CATALOGUE, List.of());
        assertThat(r.findings()).isEqualTo(2);
        assertThat(r.acknowledged()).isEqualTo(1);
        assertThat(r.bySeverity()).isEqualTo(Map.of("critical", 0, "warning", 1, "info", 1));
        assertThat(r.score()).isEqualTo((int) Math.round(100 * 0.97 * 0.995));
        assertThat(r.trend().newFindings()).extracting(FindingView::key)
                .containsExactlyInAnyOrder("SEC-001|Deployment/ns/new", "HY-003|Deployment/ns/cm");
        assertThat(r.trend().resolvedFindings()).extracting(FindingView::key).containsExactly("SEC-001|Deployment/ns/old");
        assertThat(r.trend().newFindings()).filteredOn(FindingView::acknowledged).hasSize(1);
        assertThat(Links.of("c1", "Deployment", "ns", "web")).isEqualTo("/api/v1/clusters/c1/namespaces/ns/resources/deployments.apps/web");
        assertThat(Links.of("c1", "Node", null, "n1")).isEqualTo("/api/v1/clusters/c1/resources/nodes/n1");
    }
}
