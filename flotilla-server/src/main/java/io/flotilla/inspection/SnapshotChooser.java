package io.flotilla.inspection;

import io.flotilla.inspection.checks.Snapshot;
import io.flotilla.search.SearchIndex;
import io.flotilla.search.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The snapshot source a run uses: the kinds the search index holds come from the index when it is synced
 * and current for the cluster ({@link SnapshotPlan}), everything else (and everything, when it is not) from
 * the cluster's API. {@code /version} and {@code /readyz} are always read from the cluster.
 */
@Component
@Primary
class SnapshotChooser implements SnapshotSource {

    private static final Logger log = LoggerFactory.getLogger(SnapshotChooser.class);

    private final SearchIndex index;
    private final IndexSnapshotSource indexed;
    private final ClusterSnapshotSource cluster;

    SnapshotChooser(SearchIndex index, IndexSnapshotSource indexed, ClusterSnapshotSource cluster) {
        this.index = index;
        this.indexed = indexed;
        this.cluster = cluster;
    }

    @Override
    public int steps() {
        return cluster.steps();
    }

    @Override
    public Result take(String name, Progress progress) {
        SnapshotPlan plan = plan(name);
        if (plan.fromIndex().isEmpty()) {
            log.info("cluster {}: inspection reads the cluster ({})", name, plan.reason());
            return cluster.take(name, progress);
        }
        indexed.catchUp();
        log.info("cluster {}: inspection reads {} kinds from the search index", name, plan.fromIndex().size());
        return cluster.take(name, progress, plan.fromIndex(), kind -> indexed.list(name, kind));
    }

    private SnapshotPlan plan(String name) {
        try {
            SyncStatus status = index.status(name);
            return SnapshotPlan.of(status, Snapshot.KINDS);
        } catch (RuntimeException e) {
            log.warn("cluster {}: search index status not readable, inspection reads the cluster: {}", name,
                    e.getMessage());
            return SnapshotPlan.cluster("search index status not readable");
        }
    }
}
