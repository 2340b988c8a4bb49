package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.platform.ApiException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaMathTest {

    @Test
    void parsesKubernetesQuantities() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> q = QuotaMath.parse("hard", Map.of("requests.cpu", "1500m", "limits.memory", "1Gi"),
                errors);
        assertThat(errors).isEmpty();
        assertThat(q.get("requests.cpu")).isEqualByComparingTo("1.5");
        assertThat(q.get("limits.memory")).isEqualByComparingTo("1073741824");
    }

    @Test
    void refusesNegativeMalformedUnknownAndFractionalCounts() {
        List<FieldError> errors = new ArrayList<>();
        QuotaMath.parse("hard", Map.of("requests.cpu", "-1", "limits.cpu", "lots", "gpus", "1",
                "persistentvolumeclaims", "2.5"), errors);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("hard.requests.cpu",
                "hard.limits.cpu", "hard.gpus", "hard.persistentvolumeclaims");
        List<FieldError> empty = new ArrayList<>();
        QuotaMath.parse("hard", Map.of(), empty);
        assertThat(empty).hasSize(1);
    }

    @Test
    void sumsAllocationsAndReportsWhatExceedsTheLimit() {
        Map<String, BigDecimal> used = QuotaMath.sum(List.of(Map.of("requests.cpu", "500m"),
                Map.of("requests.cpu", "1", "limits.memory", "2Gi")));
        assertThat(used.get("requests.cpu")).isEqualByComparingTo("1.5");
        Map<String, BigDecimal> limit = Map.of("requests.cpu", new BigDecimal("1"));
        assertThat(QuotaMath.exceeded(used, limit)).containsExactly("requests.cpu 1.5 > 1");
        assertThat(QuotaMath.exceeded(used, Map.of("requests.cpu", new BigDecimal("2")))).isEmpty();
    }
}
