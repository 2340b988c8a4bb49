package io.flotilla.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {

    private static Finding finding(String id, Severity severity, String name) {
        return new Finding(id, Category.WORKLOAD, severity, new ObjectRef("Deployment", "ns", name), "m");
    }

    @Test
    void noFindingsScoresHundred() {
        assertThat(Score.of(List.of())).isEqualTo(100);
    }

    @Test
    void eachFailingCheckCostsItsSeverityFactor() {
        assertThat(Score.of(List.of(finding("SEC-001", Severity.CRITICAL, "a")))).isEqualTo(85);
        assertThat(Score.of(List.of(finding("WL-001", Severity.WARNING, "a")))).isEqualTo(97);
        assertThat(Score.of(List.of(finding("HY-001", Severity.INFO, "a")))).isEqualTo(100);
        assertThat(Score.of(List.of(finding("SEC-001", Severity.CRITICAL, "a"), finding("WL-001", Severity.WARNING, "a"),
                finding("HY-001", Severity.INFO, "a")))).isEqualTo((int) Math.round(100 * 0.85 * 0.97 * 0.995));
    }

    @Test
    void manyObjectsFailingOneCheckCostAsMuchAsOne() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(finding("WL-001", Severity.WARNING, "d" + i));
        }
        assertThat(Score.of(many)).isEqualTo(97);
    }

    @Test
    void criticalProblemsWeighMoreThanWarnings() {
        assertThat(Score.of(List.of(finding("A-001", Severity.CRITICAL, "a"))))
                .isLessThan(Score.of(List.of(finding("B-001", Severity.WARNING, "a"), finding("B-002", Severity.WARNING, "a"),
                        finding("B-003", Severity.WARNING, "a"))));
    }

    @Test
    void scoreStaysWithinBounds() {
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(finding("X-%03d".formatted(i), Severity.CRITICAL, "a"));
        }
        assertThat(Score.of(all)).isBetween(0, 100).isZero();
    }
}
