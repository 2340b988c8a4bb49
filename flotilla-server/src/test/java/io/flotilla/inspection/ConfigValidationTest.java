package io.flotilla.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.inspection.checks.Catalogue;
import io.flotilla.inspection.checks.Category;
import io.flotilla.inspection.checks.Selection;
import io.flotilla.inspection.checks.Severity;
import io.flotilla.platform.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidationTest {

    private static final Catalogue CATALOGUE = Catalogue.builtIn();
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static InspectionConfig apply(InspectionConfig.Update u) {
        return ConfigValidation.apply("c1", u, CATALOGUE, 1000, NOW, "alice");
    }

    @Test
    void validUpdateIsNormalisedAndSchedulesTheNextRun() {
        InspectionConfig c = apply(new InspectionConfig.Update(List.of("Security", "control_plane", "security"),
                List.of("WL-021", "WL-021"), List.of("SEC-011"), Map.of("WL-008", "CRITICAL"), "0 3 * * *", 5));
        assertThat(c.categories()).containsExactly("security", "control-plane");
        assertThat(c.checks()).containsExactly("WL-021");
        assertThat(c.severityOverrides()).containsEntry("WL-008", "critical");
        assertThat(c.nextRunAt()).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
        assertThat(c.retention()).isEqualTo(5);
        Selection s = ConfigValidation.selection(c);
        assertThat(s.categories()).containsExactlyInAnyOrder(Category.SECURITY, Category.CONTROL_PLANE);
        assertThat(s.severities()).containsEntry("WL-008", Severity.CRITICAL);
        assertThat(s.enabled(CATALOGUE.find("WL-021").orElseThrow())).isTrue();
        assertThat(s.enabled(CATALOGUE.find("WL-001").orElseThrow())).isFalse();
        assertThat(s.enabled(CATALOGUE.find("SEC-011").orElseThrow())).isFalse();
    }

    @Test
    void emptyUpdateMeansEveryCheckNoScheduleDefaultRetention() {
        InspectionConfig c = apply(new InspectionConfig.Update(null, null, null, null, " ", null));
        assertThat(c.schedule()).isNull();
        assertThat(c.nextRunAt()).isNull();
        assertThat(c.retention()).isEqualTo(InspectionConfig.DEFAULT_RETENTION);
        assertThat(CATALOGUE.checks()).allMatch(ConfigValidation.selection(c)::enabled);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> apply(new InspectionConfig.Update(List.of("magic"), List.of("NOPE-001"),
                List.of("SEC-999"), Map.of("SEC-001", "urgent", "XX-001", "info"), "every minute", 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(ApiException.FieldError::field)
                        .containsExactlyInAnyOrder("categories[0]", "checks[0]", "disabledChecks[0]",
                                "severityOverrides.SEC-001", "severityOverrides.XX-001", "schedule", "retention"));
    }

    @Test
    void retentionMustBePositiveAndBounded() {
        for (int bad : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> apply(new InspectionConfig.Update(null, null, null, null, null, bad)))
                    .hasMessageStartingWith("retention:");
        }
    }

    @Test
    void cronAcceptsSecondsAndKubernetesStyleAndRejectsNonsense() {
        assertThat(Schedules.next("* * * * * *", NOW)).isEqualTo(NOW.plusSeconds(1));
        assertThat(Schedules.next("*/15 * * * *", NOW)).isEqualTo(Instant.parse("2026-12-01T12:15:00Z"));
        assertThatThrownBy(() -> Schedules.parse("61 * * * *")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("61 * * * *");
        assertThatThrownBy(() -> Schedules.parse("* *")).hasMessageContaining("5 fields");
    }
}
