package io.flotilla.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of the clusters table (internal to the module). */
record ClusterRow(
        UUID id,
        String name,
        String displayName,
        String description,
        Map<String, String> labels,
        String server,
        String credentialType,
        byte[] credentials,
        ClusterHealth health,
        Instant createdAt,
        Instant updatedAt,
        long generation) {

    Cluster view() {
        Cluster.Nodes nodes = health.nodesTotal() == null ? null
                : new Cluster.Nodes(health.nodesReady(), health.nodesTotal());
        return new Cluster(name, displayName, description, labels, server, credentialType, health.simulated(),
                new Cluster.Status(health.phase(), health.conditions(), health.kubernetesVersion(), health.platform(),
                        nodes, health.lastProbeTime(), health.lastError()),
                createdAt, updatedAt);
    }
}
