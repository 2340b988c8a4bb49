package io.flotilla.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the engine keeps in memory for one synced type of one cluster: its resourceVersions and counters,
 * never its objects. The worker sets the watch fields, the writer the persisted ones.
 */
final class SyncTypeState {

    final String cluster;
    final IndexType type;
    /** resourceVersion of the last event received (where a watch resumes). */
    volatile String watchRv;
    /** whether the last LIST completed (the index holds the type and a watch can resume). */
    volatile boolean listed;
    /** objects of the last (or current) LIST seen so far. */
    final AtomicLong listedSoFar = new AtomicLong();
    /** rows of this type in the index, as the writer last counted them. */
    volatile long objects;
    volatile Instant lastEventAt;
    volatile long lagMillis;
    volatile String error;
    /** database time the current LIST started (rows written before it and not seen again are swept). */
    volatile Timestamp listStartedAt;
    /** the watch whose events count; -1 when none is open (events of closed watches are dropped). */
    volatile long watchGeneration = -1;

    SyncTypeState(String cluster, IndexType type) {
        this.cluster = cluster;
        this.type = type;
    }

    @Override
    public String toString() {
        return cluster + "/" + type.groupResource();
    }
}
