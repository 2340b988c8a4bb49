package io.flotilla.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cluster.Cluster;
import io.flotilla.cluster.ClusterService;
import io.flotilla.platform.Page;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the sync: every tick it reads the cluster registry, claims unowned clusters with a lease in
 * PostgreSQL ({@code FOR UPDATE SKIP LOCKED}), renews its leases, starts a {@link SyncWorker} per claimed
 * cluster, stops workers of clusters it lost or that left the registry (and purges the rows of the latter),
 * and saves the workers' status. Stopping it releases the leases. See DESIGN.md in this package.
 */
@Component
@EnableConfigurationProperties(SyncProperties.class)
public class SyncEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final int REGISTRY_PAGE = 500;

    private final SyncProperties properties;
    private final ClusterService clusters;
    private final SyncRepository repository;
    private final IndexWriter writer;
    private final SyncWorker.Context context;
    private final Map<String, SyncWorker> workers = new ConcurrentHashMap<>();
    private final String holder;
    private volatile List<IndexShard> shards = List.of();
    private volatile ScheduledExecutorService ticker;
    private volatile boolean running;

    SyncEngine(SyncProperties properties, ClusterService clusters, SyncRepository repository, IndexWriter writer) {
        this.properties = properties;
        this.clusters = clusters;
        this.repository = repository;
        this.writer = writer;
        this.context = new SyncWorker.Context(properties, SyncResourceSelection.parse(properties.syncResources()),
                clusters, repository, new ObjectMapper(), new Semaphore(properties.concurrentLists()));
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This replica's lease holder id. */
    public String holder() {
        return holder;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        List<IndexShard> created = new ArrayList<>();
        for (int i = 0; i < properties.writers(); i++) {
            IndexShard shard = new IndexShard(i, writer, properties.batchSize(), properties.flushInterval().toNanos(),
                    properties.queueCapacity());
            Thread.ofPlatform().name("search-index-writer-" + i).daemon().start(shard);
            created.add(shard);
        }
        shards = List.copyOf(created);
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("search-sync-tick").daemon()
                .factory());
        ticker.scheduleWithFixedDelay(this::tick, 0, properties.tick().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("search sync started as {} ({} writers, resources {}{})", holder, properties.writers(),
                properties.syncResources(), properties.allCustomResources() ? " and all custom resources" : "");
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<SyncWorker> stopping = new ArrayList<>(workers.values());
        stopping.forEach(SyncWorker::stop);
        drainBeforeStop();
        try {
            repository.release(holder, workers.keySet());
        } catch (RuntimeException e) {
            log.warn("search sync could not release its leases (they expire by themselves): {}", e.getMessage());
        }
        workers.clear();
        log.info("search sync stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void drainBeforeStop() {
        drainAndStop(shards, 5_000, 30_000);
    }

    /**
     * Lets the writers write what is queued, but never waits on a full queue or a database that is gone
     * (an external one may be stopped first; the embedded one stops after this, with the context): a barrier
     * is offered to each writer for {@code offerMillis}, then the writers are told to stop, which makes them
     * drop a batch that fails instead of retrying it, and the barriers are awaited for {@code waitMillis}.
     * Nothing dropped is lost: a type's resume resourceVersion is written with its rows, so the watches
     * replay it after the restart.
     */
    static void drainAndStop(List<IndexShard> shards, long offerMillis, long waitMillis) {
        List<CompletableFuture<Void>> barriers = new ArrayList<>();
        try {
            for (IndexShard shard : shards) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                if (shard.offer(new SyncCommand.Barrier(done), offerMillis)) {
                    barriers.add(done);
                } else {
                    log.warn("search sync is stopping with a full writer queue; the watches replay the rest after "
                            + "the restart");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shards.forEach(IndexShard::stop);
        try {
            CompletableFuture.allOf(barriers.toArray(CompletableFuture[]::new))
                    .orTimeout(waitMillis, TimeUnit.MILLISECONDS).join();
        } catch (RuntimeException e) {
            log.warn("search sync could not write everything before stopping: {}", e.getMessage());
        }
    }

    /** Waits until everything queued so far is in the index. */
    public void flush() {
        List<CompletableFuture<Void>> barriers = new ArrayList<>();
        for (IndexShard shard : shards) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            try {
                shard.submit(new SyncCommand.Barrier(done));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            barriers.add(done);
        }
        CompletableFuture.allOf(barriers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    }

    void tick() {
        try {
            Set<String> registered = registeredClusters();
            repository.ensureClusters(registered);
            for (String gone : repository.removeUnregistered(holder, registered)) {
                SyncWorker worker = workers.remove(gone);
                if (worker != null) {
                    worker.stop();
                }
                shardOf(gone).submit(new SyncCommand.PurgeCluster(gone));
                log.info("cluster={} left the registry; stopped its sync", gone);
            }
            Set<String> held = repository.renew(holder, properties.leaseDuration());
            for (String name : List.copyOf(workers.keySet())) {
                if (!held.contains(name) || !registered.contains(name)) {
                    SyncWorker worker = workers.remove(name);
                    if (worker != null) {
                        worker.stop();
                        log.info("cluster={} lease lost; stopped its sync on this replica", name);
                    }
                }
            }
            List<String> claimed = repository.claim(holder, registered, properties.leaseDuration(),
                    properties.maxClusters() - workers.size());
            for (String name : claimed) {
                SyncWorker worker = new SyncWorker(name, context, shardOf(name));
                workers.put(name, worker);
                worker.start();
                log.info("cluster={} claimed for search sync", name);
            }
            for (SyncWorker worker : workers.values()) {
                repository.saveStatus(worker.snapshot());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("search sync tick failed: {}", e.toString());
        }
    }

    private Set<String> registeredClusters() {
        Set<String> names = new LinkedHashSet<>();
        String token = null;
        do {
            Page<Cluster> page = clusters.list(null, null, REGISTRY_PAGE, token);
            page.items().forEach(c -> names.add(c.name()));
            token = page.continueToken();
        } while (token != null);
        return names;
    }

    private IndexShard shardOf(String cluster) {
        List<IndexShard> all = shards;
        return all.get(Math.floorMod(cluster.hashCode(), all.size()));
    }
}
