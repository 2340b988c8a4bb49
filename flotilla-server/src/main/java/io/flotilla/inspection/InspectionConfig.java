package io.flotilla.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The inspection configuration of one cluster.
 *
 * @param categories categories to run (labels such as {@code security}); empty with empty checks: all
 * @param checks check ids to run in addition to the categories
 * @param disabledChecks check ids never to run
 * @param severityOverrides severity ({@code critical}, {@code warning}, {@code info}) by check id
 * @param schedule cron expression (Spring: six fields with seconds, or five Kubernetes-style fields); null: manual only
 * @param retention how many finished runs (reports) to keep; older ones are deleted
 * @param nextRunAt when the schedule fires next; null without a schedule
 */
public record InspectionConfig(String cluster, List<String> categories, List<String> checks, List<String> disabledChecks,
        Map<String, String> severityOverrides, String schedule, int retention, Instant nextRunAt, Instant updatedAt,
        String updatedBy) {

    public static final int DEFAULT_RETENTION = 10;

    /** The configuration of a cluster nobody configured yet: every check, no schedule. */
    public static InspectionConfig defaults(String cluster) {
        return new InspectionConfig(cluster, List.of(), List.of(), List.of(), Map.of(), null, DEFAULT_RETENTION, null, null,
                null);
    }

    /**
     * A change to the configuration (PUT body). Absent fields keep their defaults: empty lists, no
     * schedule, retention 10.
     */
    public record Update(List<String> categories, List<String> checks, List<String> disabledChecks,
            Map<String, String> severityOverrides, String schedule, Integer retention) {}
}
