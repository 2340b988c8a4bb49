package io.flotilla.inspection;

import io.flotilla.inspection.checks.Snapshot;
import java.util.List;

/**
 * Where a run reads the cluster's objects from, once per run. Today: the cluster's API
 * ({@link ClusterSnapshotSource}); the search module's multi-cluster index can implement this too and
 * be preferred when it holds the cluster.
 */
public interface SnapshotSource {

    /** Reports progress while reading: step {@code done} of {@code total}, now reading {@code what}. */
    @FunctionalInterface
    interface Progress {
        void step(int done, int total, String what);
    }

    /**
     * A snapshot and what could not be read.
     *
     * @param warnings kinds that were forbidden or not served (their checks see nothing)
     * @param source {@code index} when some kinds were read from the search index, else {@code cluster}
     * @param indexedKinds plural names of the kinds read from the search index; every other kind came from the
     *     cluster's API
     */
    record Result(Snapshot snapshot, List<String> warnings, String source, List<String> indexedKinds) {

        public Result {
            warnings = List.copyOf(warnings);
            indexedKinds = List.copyOf(indexedKinds);
        }

        /** A snapshot read entirely from the cluster's API. */
        public Result(Snapshot snapshot, List<String> warnings) {
            this(snapshot, warnings, "cluster", List.of());
        }
    }

    /** Number of progress steps {@link #take} reports. */
    int steps();

    /**
     * Reads every kind a snapshot holds.
     *
     * @throws SourceUnavailableException when the cluster cannot be read (unreachable, credentials rejected)
     */
    Result take(String cluster, Progress progress);

    /** The cluster could not be read; the run fails with this message. */
    class SourceUnavailableException extends RuntimeException {
        public SourceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
