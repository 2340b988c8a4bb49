package io.flotilla.resource;

import java.time.Instant;
import java.util.List;

/**
 * Progress and outcome of draining a node: a long-running operation read back by id.
 *
 * @param phase Running, Succeeded (every evictable pod evicted) or Failed (some could not be)
 * @param evicted pods evicted so far, as namespace/name
 * @param blocked pods that could not be evicted, with the reason (e.g. a PodDisruptionBudget)
 * @param skipped pods a drain leaves alone (DaemonSet pods, mirror pods)
 */
public record DrainReport(String id, String cluster, String node, String phase, int total, List<String> evicted,
        List<String> blocked, List<String> skipped, Instant startedAt, Instant finishedAt) {

    public DrainReport {
        evicted = List.copyOf(evicted);
        blocked = List.copyOf(blocked);
        skipped = List.copyOf(skipped);
    }
}
