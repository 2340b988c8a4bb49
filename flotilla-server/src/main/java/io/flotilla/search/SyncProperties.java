package io.flotilla.search;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the search sync engine ({@code flotilla.search.*}).
 *
 * @param enabled sync member clusters into the search index at all
 * @param syncResources resources to sync: {@code pods} (core group), {@code apps/deployments},
 *     {@code apps/*} (every resource of a group), {@code *} (every listable and watchable resource)
 * @param allCustomResources also sync every custom resource (every resource a CustomResourceDefinition defines)
 * @param batchSize most changes written to PostgreSQL in one statement
 * @param flushInterval longest a change waits before it is written
 * @param pageSize page size ({@code limit}) of the initial LIST
 * @param backoff retry delays after a cluster failed (doubling from initial to max)
 * @param leaseDuration how long a replica owns a cluster without renewing its lease
 * @param tick how often the engine looks at the registry, renews leases and saves status
 * @param writers writer threads (each owns a share of the clusters, so one cluster's changes stay in order)
 * @param queueCapacity changes buffered per writer before watches are slowed down
 * @param concurrentLists clusters listed at the same time (bounds memory during the initial sync)
 * @param maxClusters most clusters one replica syncs
 * @param rediscoverEvery how often a synced cluster's discovery is read again (CRDs installed later get synced)
 * @param watchTimeout shortest timeoutSeconds a watch asks for (each asks for between it and twice it)
 * @param watchGrace how long after its timeout a watch that has not ended counts as hung and is reopened
 */
@ConfigurationProperties("flotilla.search")
public record SyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"pods", "nodes", "namespaces", "services", "endpoints", "configmaps", "secrets",
                "persistentvolumeclaims", "persistentvolumes", "events", "apps/deployments", "apps/statefulsets",
                "apps/daemonsets", "apps/replicasets", "networking.k8s.io/ingresses", "storage.k8s.io/storageclasses",
                "batch/jobs", "batch/cronjobs", "autoscaling/horizontalpodautoscalers"}) List<String> syncResources,
        @DefaultValue("false") boolean allCustomResources,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("100ms") Duration flushInterval,
        @DefaultValue("500") int pageSize,
        @DefaultValue Backoff backoff,
        @DefaultValue("30s") Duration leaseDuration,
        @DefaultValue("2s") Duration tick,
        @DefaultValue("2") int writers,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("4") int concurrentLists,
        @DefaultValue("1000") int maxClusters,
        @DefaultValue("60s") Duration rediscoverEvery,
        @DefaultValue("300s") Duration watchTimeout,
        @DefaultValue("30s") Duration watchGrace) {

    /**
     * @param initial first retry delay
     * @param max longest retry delay
     */
    public record Backoff(@DefaultValue("500ms") Duration initial, @DefaultValue("30s") Duration max) {}

    public SyncProperties {
        syncResources = List.copyOf(syncResources);
        if (batchSize < 1 || pageSize < 1 || writers < 1 || queueCapacity < 1 || concurrentLists < 1) {
            throw new IllegalArgumentException("flotilla.search: batch-size, page-size, writers, queue-capacity and "
                    + "concurrent-lists must be at least 1");
        }
        SyncResourceSelection.parse(syncResources);
        if (rediscoverEvery.isNegative() || rediscoverEvery.isZero() || watchTimeout.toSeconds() < 1
                || watchGrace.isNegative()) {
            throw new IllegalArgumentException("flotilla.search: rediscover-every and watch-timeout must be positive"
                    + " (watch-timeout at least 1s), watch-grace not negative");
        }
    }
}
