package io.flotilla.search;

import java.util.function.Consumer;

/**
 * The search index as other modules see it: how far it is with a cluster, and the stored objects of one
 * resource type, read-only. Callers never see the index's tables.
 */
public interface SearchIndex {

    /** The sync status of one cluster (phase Syncing with no resources when the index has never seen it). */
    SyncStatus status(String cluster);

    /**
     * Streams the stored JSON text of every indexed object of one type of one cluster (managedFields stripped;
     * Secrets carry metadata only) and returns how many were streamed.
     *
     * @param group API group, '' for the core group
     * @param resource plural resource name
     */
    long objects(String cluster, String group, String resource, Consumer<String> json);

    /** Waits until every change this replica has received so far is written to the index. */
    void flush();
}
