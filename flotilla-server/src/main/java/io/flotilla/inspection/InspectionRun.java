package io.flotilla.inspection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One inspection run: Pending, then Running (step x of y), then Succeeded or Failed with a reason.
 *
 * @param trigger {@code manual} or {@code schedule}
 * @param progress where a Running run is
 * @param score the run's score without acknowledgements (the report applies them); null unless Succeeded
 * @param findings number of findings; null unless Succeeded
 * @param warnings kinds that could not be read (forbidden or not served), so their checks saw nothing
 * @param snapshotSource {@code index} when some kinds were read from the search index, {@code cluster} when all
 *     came from the cluster's API; null unless Succeeded
 * @param indexedKinds plural names of the kinds read from the search index (the rest came from the cluster)
 */
public record InspectionRun(UUID id, String cluster, String status, String reason, String trigger, String requestedBy,
        Progress progress, Integer objects, Integer checksEvaluated, Integer findings, Integer score,
        Long snapshotMillis, Long evaluationMillis, List<String> warnings, Instant createdAt, Instant startedAt,
        Instant finishedAt, String snapshotSource, List<String> indexedKinds) {

    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";

    /** @param step steps done; @param steps total steps; @param current what the run is doing now */
    public record Progress(int step, int steps, String current) {}

    public boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }
}
