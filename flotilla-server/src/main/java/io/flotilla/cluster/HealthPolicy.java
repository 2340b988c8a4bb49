package io.flotilla.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure state transitions of cluster health: from the previous health and a probe result to the new
 * health, and when to probe next (interval on success, doubling backoff on failure, both jittered).
 */
public final class HealthPolicy {

    private HealthPolicy() {}

    /** The new health and the time of the next probe. */
    public record Outcome(ClusterHealth health, Instant nextProbe) {}

    /**
     * @param random a number in [0, 1) used for jitter (passed in so tests are deterministic)
     */
    public static Outcome next(ClusterHealth previous, ProbeResult result, Instant now, HealthSettings settings,
            double random) {
        return switch (result) {
            case ProbeResult.Success s -> {
                List<ClusterCondition> conditions = new ArrayList<>();
                conditions.add(condition(previous, "Reachable", "True", "ProbeSucceeded",
                        "the API server answered /version and listed nodes", now));
                boolean allReady = s.nodesTotal() > 0 && s.nodesReady() == s.nodesTotal();
                conditions.add(condition(previous, "NodesReady", allReady ? "True" : "False",
                        allReady ? "AllNodesReady" : (s.nodesTotal() == 0 ? "NoNodes" : "NodesNotReady"),
                        s.nodesReady() + " of " + s.nodesTotal() + " nodes are Ready", now));
                ClusterHealth health = new ClusterHealth(ClusterHealth.RUNNING, conditions, s.kubernetesVersion(),
                        s.platform(), s.simulated(), s.nodesReady(), s.nodesTotal(), now, null, 0);
                yield new Outcome(health, now.plus(jittered(settings.interval(), settings.jitter(), random)));
            }
            case ProbeResult.Failure f -> {
                int failures = previous.consecutiveFailures() + 1;
                String phase = failures >= Math.max(1, settings.unhealthyAfterFailures())
                        ? ClusterHealth.UNHEALTHY
                        : previous.phase();
                List<ClusterCondition> conditions = new ArrayList<>();
                conditions.add(condition(previous, "Reachable", "False", f.reason(), f.message(), now));
                conditions.add(condition(previous, "NodesReady", "Unknown", "ClusterUnreachable",
                        "node state is unknown while the cluster cannot be reached", now));
                ClusterHealth health = new ClusterHealth(phase, conditions, previous.kubernetesVersion(),
                        previous.platform(), previous.simulated(), previous.nodesReady(), previous.nodesTotal(), now,
                        f.message(), failures);
                yield new Outcome(health, now.plus(jittered(backoff(settings, failures), settings.jitter(), random)));
            }
        };
    }

    /** Delay after {@code failures} consecutive failures: interval × 2^(failures−1), capped at maxBackoff. */
    public static Duration backoff(HealthSettings settings, int failures) {
        Duration delay = settings.interval();
        for (int i = 1; i < failures && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }

    static Duration jittered(Duration base, double jitter, double random) {
        double factor = 1.0 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }

    private static ClusterCondition condition(ClusterHealth previous, String type, String status, String reason,
            String message, Instant now) {
        Instant since = previous.conditions().stream()
                .filter(c -> c.type().equals(type) && c.status().equals(status))
                .map(ClusterCondition::lastTransitionTime)
                .findFirst()
                .orElse(now);
        return new ClusterCondition(type, status, reason, message, since);
    }
}
