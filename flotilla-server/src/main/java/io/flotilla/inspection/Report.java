package io.flotilla.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report of a succeeded run, computed from its findings for the caller.
 *
 * @param complete false when the caller sees only some namespaces: counts and score cover those only
 * @param score 0–100 over counted findings (acknowledged ones excluded), see {@code Score}
 * @param findings counted findings; {@code acknowledged} are not in it
 * @param bySeverity counted findings per severity; every severity present
 * @param byCategory counted findings per category; every category present
 * @param history score of recent succeeded runs of the cluster, oldest first (for the trend chart)
 */
public record Report(UUID runId, String cluster, Instant finishedAt, boolean complete, int score, int findings,
        int acknowledged, Map<String, Integer> bySeverity, Map<String, Integer> byCategory, Trend trend,
        List<HistoryPoint> history, List<String> warnings, int checksEvaluated, int objects) {

    /**
     * What changed since the previous succeeded run of the same cluster.
     *
     * @param previousRunId null when this is the first run
     * @param newFindings findings absent from the previous run (at most 100)
     * @param resolvedFindings findings of the previous run that are gone (at most 100)
     */
    public record Trend(UUID previousRunId, Integer previousScore, int newCount, int resolvedCount,
            List<FindingView> newFindings, List<FindingView> resolvedFindings) {}

    public record HistoryPoint(UUID runId, Instant finishedAt, int score) {}
}
