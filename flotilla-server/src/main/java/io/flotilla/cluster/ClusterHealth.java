package io.flotilla.cluster;

import java.time.Instant;
import java.util.List;

/**
 * The health part of a cluster's status, as computed by {@link HealthPolicy}.
 *
 * @param phase Running, Unhealthy or Unknown
 * @param kubernetesVersion last known version (kept while the cluster is unreachable)
 * @param lastError message of the last failed probe, null after a success
 */
public record ClusterHealth(
        String phase,
        List<ClusterCondition> conditions,
        String kubernetesVersion,
        String platform,
        boolean simulated,
        Integer nodesReady,
        Integer nodesTotal,
        Instant lastProbeTime,
        String lastError,
        int consecutiveFailures) {

    public static final String RUNNING = "Running";
    public static final String UNHEALTHY = "Unhealthy";
    public static final String UNKNOWN = "Unknown";

    public ClusterHealth {
        conditions = List.copyOf(conditions);
    }

    public static ClusterHealth unknown() {
        return new ClusterHealth(UNKNOWN, List.of(), null, null, false, null, null, null, null, 0);
    }
}
