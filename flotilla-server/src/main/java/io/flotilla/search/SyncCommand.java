package io.flotilla.search;

import java.util.concurrent.CompletableFuture;

/** Work for a writer, in the order one cluster produced it. */
sealed interface SyncCommand {

    /** A changed or listed object; {@code watched} when it came from a watch (its resourceVersion is progress). */
    record Upsert(SyncTypeState state, IndexDocument document, long receivedNanos, boolean watched)
            implements SyncCommand {}

    /** A deleted object; {@code resourceVersion} is the deletion's. */
    record Delete(SyncTypeState state, String namespace, String name, String resourceVersion, long receivedNanos)
            implements SyncCommand {}

    /** The watch got this far with no change to write (a BOOKMARK). */
    record Progress(SyncTypeState state, String resourceVersion) implements SyncCommand {}

    /** A LIST of the type begins: rows not written again before {@link ListDone} are swept. */
    record ListStarted(SyncTypeState state) implements SyncCommand {}

    /** The LIST finished at {@code resourceVersion}: sweep rows it did not see, count, mark the type listed. */
    record ListDone(SyncTypeState state, String resourceVersion) implements SyncCommand {}

    /** The type is no longer synced from the cluster: remove its rows. */
    record DropType(String cluster, String group, String resource) implements SyncCommand {}

    /** The cluster left the registry: remove all its rows and sync state. */
    record PurgeCluster(String cluster) implements SyncCommand {}

    /** Completes once everything queued before it is written. */
    record Barrier(CompletableFuture<Void> done) implements SyncCommand {}
}
