package io.flotilla.inspection.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic cluster used by the benchmark holds what it says and trips the checks it seeds. */
class SyntheticClusterTest {

    @Test
    void syntheticClusterOfAThousandPodsFindsItsSeededProblems() {
        Snapshot s = SyntheticCluster.of(1000, Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(s.all(Pod.class)).hasSize(1000);
        Evaluator.Result r = new Evaluator(Catalogue.builtIn()).evaluate(s, Selection.everything());
        Map<String, Long> byCheck = r.findings().stream().collect(Collectors.groupingBy(Finding::checkId, Collectors.counting()));
        assertThat(r.errors()).isEmpty();
        assertThat(byCheck).containsKeys("WL-021", "WL-009", "SEC-007", "SEC-001", "HY-001", "NET-009", "ND-001", "HY-008", "WL-003");
        assertThat(byCheck.get("WL-021")).isEqualTo(11L);
        assertThat(byCheck).doesNotContainKeys("WL-039", "WL-040", "NET-001", "HY-003");
        assertThat(r.findings().stream().map(Finding::key).collect(Collectors.toMap(Function.identity(), k -> 1,
                Integer::sum)).values()).allMatch(n -> n == 1);
    }
}
