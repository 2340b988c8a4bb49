package io.flotilla.search;

import java.time.Instant;
import java.util.List;

/**
 * How far the search index is with one cluster.
 *
 * @param phase Syncing (initial list or a relist running), Synced (every type listed and watched), Stale
 *     (the cluster is unreachable; its last known objects stay in the index) or Error (the cluster answers
 *     with errors, e.g. rejected credentials)
 * @param message why the cluster is in that phase, null when Synced
 * @param since when the phase began
 * @param holder the server replica syncing the cluster, null when none holds it
 * @param objects objects of the cluster in the index
 * @param lastEventTime when the last change was written
 * @param lagMillis longest time a change of the last written batch waited before it was in the index
 * @param progress progress of the initial list
 * @param resources one entry per synced resource type
 */
public record SyncStatus(String cluster, String phase, String message, Instant since, String holder, long objects,
        Instant lastEventTime, Long lagMillis, Progress progress, List<Resource> resources) {

    /**
     * @param typesTotal resource types to sync
     * @param typesListed types whose list completed
     * @param objectsListed objects listed so far (across types)
     */
    public record Progress(int typesTotal, int typesListed, long objectsListed) {}

    /**
     * @param group API group, '' for core
     * @param version version synced (the cluster's preferred version)
     * @param listed whether the last list of this type completed
     * @param objectsListed objects seen by the last (or current) list
     * @param objects objects of this type in the index
     * @param resourceVersion where the watch resumes
     * @param error the last error of this type, null when none
     */
    public record Resource(String group, String version, String resource, String kind, boolean listed,
            long objectsListed, long objects, String resourceVersion, Instant lastEventTime, Long lagMillis,
            String error) {}

    /** Combines the status rows of one cluster (row null: no replica has looked at it yet). */
    static SyncStatus of(String cluster, SyncRepository.ClusterRow row, List<SyncRepository.TypeRow> types,
            boolean enabled, Instant now) {
        List<Resource> resources = types.stream().map(t -> new Resource(t.group(), t.version(), t.resource(),
                t.kind(), t.listed(), t.listedSoFar(), t.objects(), t.resourceVersion(), t.lastEventAt(), t.lagMillis(),
                t.error())).toList();
        long objects = types.stream().mapToLong(SyncRepository.TypeRow::objects).sum();
        long listedSoFar = types.stream().mapToLong(SyncRepository.TypeRow::listedSoFar).sum();
        int listed = (int) types.stream().filter(SyncRepository.TypeRow::listed).count();
        Instant last = types.stream().map(SyncRepository.TypeRow::lastEventAt).filter(t -> t != null)
                .max(Instant::compareTo).orElse(null);
        Long lag = types.stream().map(SyncRepository.TypeRow::lagMillis).filter(l -> l != null)
                .max(Long::compareTo).orElse(null);
        if (row == null) {
            return new SyncStatus(cluster, SyncWorker.SYNCING, enabled ? "waiting for a server replica to claim it"
                    : "search sync is disabled (flotilla.search.enabled=false)", null, null, objects, last, lag,
                    new Progress(0, listed, listedSoFar), resources);
        }
        boolean held = row.holder() != null && row.leaseUntil() != null && row.leaseUntil().isAfter(now);
        String phase = row.phase();
        String message = row.message();
        if (phase.equals(SyncWorker.SYNCED) && listed < types.size()) {
            phase = SyncWorker.SYNCING;
            message = "writing the initial list";
        }
        if (!held) {
            message = (enabled ? "no server replica holds this cluster right now"
                    : "search sync is disabled (flotilla.search.enabled=false)")
                    + "; last reported: " + row.phase() + (row.message() == null ? "" : " (" + row.message() + ")");
        }
        return new SyncStatus(cluster, phase, message, row.phaseSince(), held ? row.holder() : null, objects, last,
                lag, new Progress(Math.max(row.typesTotal(), types.size()), listed, listedSoFar), resources);
    }
}
