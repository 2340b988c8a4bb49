package io.flotilla.inspection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.flotilla.search.SyncStatus;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which kinds of a snapshot a run reads from the search index, the rest coming from the cluster. Pure.
 * The index is used only when it reports the cluster Synced, held by a live replica, and every kind it
 * syncs (of those a snapshot needs) listed without error in the version the snapshot's model class has;
 * otherwise the whole snapshot comes from the cluster. Secrets always come from the cluster (the index keeps
 * their metadata only; the certificate checks need {@code tls.crt}).
 *
 * @param fromIndex kinds read from the index; empty means the whole snapshot is read from the cluster
 * @param reason why the cluster is read for everything, null when the index is used
 */
record SnapshotPlan(Set<Class<? extends HasMetadata>> fromIndex, String reason) {

    static final String INDEX = "index";
    static final String CLUSTER = "cluster";
    private static final String SYNCED = "Synced";

    SnapshotPlan {
        fromIndex = Set.copyOf(fromIndex);
    }

    /** {@code index} when any kind comes from the index, else {@code cluster}. */
    String source() {
        return fromIndex.isEmpty() ? CLUSTER : INDEX;
    }

    static SnapshotPlan cluster(String reason) {
        return new SnapshotPlan(Set.of(), reason);
    }

    static SnapshotPlan of(SyncStatus status, List<Class<? extends HasMetadata>> kinds) {
        if (status == null) {
            return cluster("the search index does not know the cluster");
        }
        if (!SYNCED.equals(status.phase()) || status.holder() == null) {
            return cluster("search index is " + status.phase() + (status.message() == null ? ""
                    : " (" + status.message() + ")"));
        }
        Set<Class<? extends HasMetadata>> fromIndex = new LinkedHashSet<>();
        for (Class<? extends HasMetadata> kind : kinds) {
            if (kind == Secret.class) {
                continue;
            }
            SyncStatus.Resource synced = find(status, kind);
            if (synced == null || !synced.version().equals(HasMetadata.getVersion(kind))) {
                continue;
            }
            if (!synced.listed() || synced.error() != null) {
                return cluster("search index is not current for " + HasMetadata.getPlural(kind)
                        + (synced.error() == null ? " (still listing)" : " (" + synced.error() + ")"));
            }
            fromIndex.add(kind);
        }
        return fromIndex.isEmpty() ? cluster("search index syncs none of the inspected kinds")
                : new SnapshotPlan(fromIndex, null);
    }

    private static SyncStatus.Resource find(SyncStatus status, Class<? extends HasMetadata> kind) {
        String group = HasMetadata.getGroup(kind);
        String plural = HasMetadata.getPlural(kind);
        for (SyncStatus.Resource r : status.resources()) {
            if (r.group().equals(group == null ? "" : group) && r.resource().equals(plural)) {
                return r;
            }
        }
        return null;
    }
}
