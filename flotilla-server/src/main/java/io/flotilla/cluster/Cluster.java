package io.flotilla.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered member cluster as the API shows it. Credentials never appear here, only their type.
 *
 * @param server the API server URL the platform uses
 * @param credentialType "token" or "clientCertificate"
 * @param simulated true for a Flotilla sandbox cluster (shown as simulated everywhere)
 */
public record Cluster(
        String name,
        String displayName,
        String description,
        Map<String, String> labels,
        String server,
        String credentialType,
        boolean simulated,
        Status status,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @param phase Running, Unhealthy or Unknown
     * @param platform detected provider or distribution
     * @param lastError message of the last failed probe, null when the last probe succeeded
     */
    public record Status(
            String phase,
            List<ClusterCondition> conditions,
            String kubernetesVersion,
            String platform,
            Nodes nodes,
            Instant lastProbeTime,
            String lastError) {}

    /** Node counts from the last successful probe. */
    public record Nodes(int ready, int total) {}
}
