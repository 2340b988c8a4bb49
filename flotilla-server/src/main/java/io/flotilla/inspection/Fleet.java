package io.flotilla.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Inspection results across the clusters the caller may read.
 *
 * @param clusters the latest succeeded run of each cluster, lowest score first
 * @param worst the most severe counted findings across those runs (at most 50)
 */
public record Fleet(List<ClusterScore> clusters, List<FindingView> worst) {

    /** @param complete false when the caller sees only some namespaces of the cluster */
    public record ClusterScore(String cluster, UUID runId, Instant finishedAt, int score, int findings, int critical,
            int warning, int info, boolean complete) {}
}
