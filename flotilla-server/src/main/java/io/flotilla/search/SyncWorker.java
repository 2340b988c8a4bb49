package io.flotilla.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.cluster.ClusterService;
import io.flotilla.search.SyncResourceSelection.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one cluster, on its own virtual thread: discovery, a paged LIST of each type that has no valid
 * resume point, then one WATCH per type from the last resourceVersion. A 410 Gone relists that type; an
 * unreachable cluster keeps its rows (phase Stale) and is retried with exponential backoff. Keeps only
 * resourceVersions and counters in memory.
 */
final class SyncWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

    static final String SYNCING = "Syncing";
    static final String SYNCED = "Synced";
    static final String STALE = "Stale";
    static final String ERROR = "Error";

    /** What the engine needs to build a worker. */
    record Context(SyncProperties properties, List<Pattern> patterns, ClusterService clusters,
            SyncRepository repository, ObjectMapper json, Semaphore listPermits) {}

    /** A consistent view of a worker for the status table. */
    record Snapshot(String cluster, String phase, String message, Instant since, List<SyncTypeState> types) {}

    private record WatchEnd(SyncTypeState state, long generation, SyncFailure failure) {}

    /** An open watch; the cluster ends it after its timeoutSeconds, so one still open past deadline is hung. */
    private record Open(long generation, SyncHttp.Watch watch, long deadlineNanos) {}

    private final String cluster;
    private final Context context;
    private final IndexShard shard;
    private final Map<String, SyncTypeState> types = new LinkedHashMap<>();
    private final Map<SyncTypeState, Open> watches = new HashMap<>();
    private final BlockingQueue<WatchEnd> ends = new LinkedBlockingQueue<>();
    private volatile List<SyncTypeState> typeView = List.of();
    private volatile boolean running = true;
    private volatile String phase = SYNCING;
    private volatile String message = "starting";
    private volatile Instant since = Instant.now();
    private long generations;
    private boolean reachedSynced;
    private boolean loaded;
    private Thread thread;

    SyncWorker(String cluster, Context context, IndexShard shard) {
        this.cluster = cluster;
        this.context = context;
        this.shard = shard;
    }

    String cluster() {
        return cluster;
    }

    void start() {
        thread = Thread.ofVirtual().name("search-sync-" + cluster).start(this);
    }

    /** Stops the worker and waits for it; what it already queued is still written. */
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Snapshot snapshot() {
        return new Snapshot(cluster, phase, message, since, typeView);
    }

    @Override
    public void run() {
        Duration delay = context.properties().backoff().initial();
        while (running) {
            try {
                syncUntilFailure();
                return;
            } catch (SyncFailure f) {
                closeWatches();
                delay = reachedSynced ? context.properties().backoff().initial() : delay;
                reachedSynced = false;
                boolean hasData = typeView.stream().anyMatch(t -> t.listed);
                String next = f.kind() == SyncFailure.Kind.UNREACHABLE && hasData ? STALE : ERROR;
                String text = f.getMessage() + (hasData ? "; the index keeps the last known objects" : "")
                        + "; retrying in " + delay.toMillis() + " ms";
                if (!next.equals(phase)) {
                    log.warn("cluster={} search sync is {}: {}", cluster, next, text);
                }
                setPhase(next, text);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                closeWatches();
                delay = reachedSynced ? context.properties().backoff().initial() : delay;
                reachedSynced = false;
                log.warn("cluster={} search sync failed: {}", cluster, e.toString());
                setPhase(ERROR, e.getMessage() + "; retrying in " + delay.toMillis() + " ms");
            }
            if (!pause(delay)) {
                break;
            }
            delay = min(delay.multipliedBy(2), context.properties().backoff().max());
        }
        closeWatches();
    }

    /** Runs until a failure (thrown) or stop (returns). */
    private void syncUntilFailure() throws SyncFailure, InterruptedException {
        ends.clear();
        SyncHttp http = new SyncHttp(context.clusters().sharedClient(cluster), context.json());
        List<IndexType> wanted = SyncDiscovery.resolve(http, context.patterns(),
                context.properties().allCustomResources());
        reconcileTypes(wanted);
        for (SyncTypeState state : typeView) {
            if (!running) {
                return;
            }
            if (!state.listed || state.watchRv == null) {
                list(http, state);
            }
            watch(http, state);
        }
        setPhase(SYNCED, null);
        reachedSynced = true;
        long nextDiscovery = System.nanoTime() + context.properties().rediscoverEvery().toNanos();
        while (running) {
            WatchEnd end = ends.poll(1, TimeUnit.SECONDS);
            if (end == null) {
                if (System.nanoTime() - nextDiscovery >= 0) {
                    rediscover(http);
                    nextDiscovery = System.nanoTime() + context.properties().rediscoverEvery().toNanos();
                }
                reopenHungWatches(http);
                continue;
            }
            if (end.state().watchGeneration != end.generation()) {
                continue; // a watch this worker closed itself
            }
            watches.remove(end.state());
            end.state().watchGeneration = -1;
            if (end.failure() != null && end.failure().kind() == SyncFailure.Kind.GONE) {
                log.info("cluster={} resource={} watch expired ({}); relisting", cluster,
                        end.state().type.groupResource(), end.failure().getMessage());
                setPhase(SYNCING, "relisting " + end.state().type.groupResource() + " after 410 Gone");
                list(http, end.state());
                setPhase(SYNCED, null);
            } else if (end.failure() != null) {
                log.debug("cluster={} resource={} watch broke: {}", cluster, end.state().type.groupResource(),
                        end.failure().getMessage());
            }
            watch(http, end.state());
        }
    }

    /**
     * Discovers the cluster's types again: a CRD installed (or removed) after the sync started, or a type now
     * served in another preferred version, is synced (or dropped) without waiting for a reconnect.
     */
    private void rediscover(SyncHttp http) throws SyncFailure, InterruptedException {
        List<IndexType> wanted = SyncDiscovery.resolve(http, context.patterns(),
                context.properties().allCustomResources());
        List<IndexType> current = typeView.stream().map(t -> t.type).toList();
        if (wanted.equals(current)) {
            return;
        }
        Set<IndexType> keep = Set.copyOf(wanted);
        for (SyncTypeState state : typeView) {
            if (!keep.contains(state.type)) {
                Open open = watches.remove(state);
                state.watchGeneration = -1;
                if (open != null) {
                    open.watch().close();
                }
            }
        }
        reconcileTypes(wanted);
        for (SyncTypeState state : typeView) {
            if (running && !watches.containsKey(state)) {
                log.info("cluster={} resource={} discovered after the sync started; listing it", cluster,
                        state.type.groupResource());
                setPhase(SYNCING, "listing " + state.type.groupResource() + ", discovered after the sync started");
                if (!state.listed || state.watchRv == null) {
                    list(http, state);
                }
                watch(http, state);
            }
        }
        setPhase(SYNCED, null);
    }

    /** Reopens watches that outlived their timeout without ending: the connection hangs (no FIN, no events). */
    private void reopenHungWatches(SyncHttp http) throws SyncFailure, InterruptedException {
        long now = System.nanoTime();
        List<SyncTypeState> hung = new ArrayList<>();
        watches.forEach((state, open) -> {
            if (now - open.deadlineNanos() > 0) {
                hung.add(state);
            }
        });
        for (SyncTypeState state : hung) {
            log.warn("cluster={} resource={} watch outlived its timeout without ending; reconnecting", cluster,
                    state.type.groupResource());
            Open open = watches.remove(state);
            state.watchGeneration = -1;
            open.watch().close();
            watch(http, state);
        }
    }

    private void reconcileTypes(List<IndexType> wanted) throws InterruptedException {
        Map<String, SyncRepository.SavedType> saved = new HashMap<>();
        if (!loaded) {
            for (SyncRepository.SavedType t : context.repository().savedTypes(cluster)) {
                saved.put(t.group() + "/" + t.resource(), t);
            }
        }
        Map<String, SyncTypeState> next = new LinkedHashMap<>();
        for (IndexType type : wanted) {
            String key = type.group() + "/" + type.resource();
            SyncTypeState current = types.get(key);
            if (current != null && current.type.equals(type)) {
                next.put(key, current);
                continue;
            }
            context.repository().ensureType(cluster, type);
            SyncTypeState state = new SyncTypeState(cluster, type);
            SyncRepository.SavedType before = saved.get(key);
            if (before != null && before.version().equals(type.version()) && before.listed()
                    && before.resourceVersion() != null) {
                state.listed = true;
                state.watchRv = before.resourceVersion();
                state.objects = before.objects();
            }
            next.put(key, state);
        }
        List<String> dropped = new ArrayList<>();
        types.keySet().stream().filter(k -> !next.containsKey(k)).forEach(dropped::add);
        saved.keySet().stream().filter(k -> !next.containsKey(k) && !types.containsKey(k)).forEach(dropped::add);
        for (String key : dropped) {
            int slash = key.indexOf('/');
            submit(new SyncCommand.DropType(cluster, key.substring(0, slash), key.substring(slash + 1)));
            log.info("cluster={} resource={} is no longer synced; removing its rows", cluster, key);
        }
        types.clear();
        types.putAll(next);
        typeView = List.copyOf(next.values());
        loaded = true;
    }

    private void list(SyncHttp http, SyncTypeState state) throws SyncFailure, InterruptedException {
        context.listPermits().acquire();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    listOnce(http, state);
                    return;
                } catch (SyncFailure f) {
                    if (f.kind() != SyncFailure.Kind.GONE || attempt >= 3) {
                        state.error = f.getMessage();
                        throw f;
                    }
                    log.info("cluster={} resource={} list continue token expired; listing again", cluster,
                            state.type.groupResource());
                }
            }
        } finally {
            context.listPermits().release();
        }
    }

    private void listOnce(SyncHttp http, SyncTypeState state) throws SyncFailure, InterruptedException {
        if (typeView.stream().noneMatch(t -> t.listed)) {
            setPhase(SYNCING, "initial list");
        }
        state.listed = false;
        state.listedSoFar.set(0);
        submit(new SyncCommand.ListStarted(state));
        String continueToken = null;
        String listRv = null;
        do {
            String path = state.type.path() + "?limit=" + context.properties().pageSize()
                    + (continueToken == null ? "" : "&continue=" + URLEncoder.encode(continueToken,
                            StandardCharsets.UTF_8));
            JsonNode page = http.get(path);
            if (listRv == null) {
                // the first page's resourceVersion: a watch from there replays whatever changed while paging
                listRv = page.path("metadata").path("resourceVersion").asText();
            }
            for (JsonNode item : page.path("items")) {
                if (item instanceof ObjectNode object) {
                    IndexDocument doc = IndexDocument.of(state.type, object, context.json());
                    if (doc != null) {
                        submit(new SyncCommand.Upsert(state, doc, System.nanoTime(), false));
                        state.listedSoFar.incrementAndGet();
                    }
                }
            }
            String next = page.path("metadata").path("continue").asText("");
            continueToken = next.isEmpty() ? null : next;
        } while (continueToken != null && running);
        if (!running) {
            throw new InterruptedException("stopping");
        }
        submit(new SyncCommand.ListDone(state, listRv));
        state.watchRv = listRv;
        state.error = null;
    }

    private void watch(SyncHttp http, SyncTypeState state) throws SyncFailure, InterruptedException {
        while (true) {
            long generation = ++generations;
            state.watchGeneration = generation;
            Duration timeout = context.properties().watchTimeout();
            long seconds = timeout.toSeconds() + ThreadLocalRandom.current().nextLong(Math.max(1, timeout.toSeconds()));
            String path = state.type.path() + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=" + seconds
                    + "&resourceVersion=" + URLEncoder.encode(state.watchRv, StandardCharsets.UTF_8);
            try {
                SyncHttp.Watch watch = http.watch(path, new Listener(state, generation));
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds).plus(context.properties().watchGrace())
                        .toNanos();
                watches.put(state, new Open(generation, watch, deadline));
                state.error = null;
                return;
            } catch (SyncFailure f) {
                state.watchGeneration = -1;
                if (f.kind() != SyncFailure.Kind.GONE) {
                    state.error = f.getMessage();
                    throw f;
                }
                log.info("cluster={} resource={} cannot resume at resourceVersion {} ({}); relisting", cluster,
                        state.type.groupResource(), state.watchRv, f.getMessage());
                list(http, state);
            }
        }
    }

    /** Turns one watch's events into writer commands, dropping those of a watch that was replaced. */
    private final class Listener implements SyncHttp.WatchListener {

        private final SyncTypeState state;
        private final long generation;

        Listener(SyncTypeState state, long generation) {
            this.state = state;
            this.generation = generation;
        }

        private boolean current() {
            return running && state.watchGeneration == generation;
        }

        @Override
        public void onEvent(String type, ObjectNode object) throws InterruptedException {
            if (!current()) {
                log.debug("cluster={} resource={} dropped {} of a replaced watch", cluster, state.type.groupResource(),
                        type);
                return;
            }
            if (log.isTraceEnabled()) {
                log.trace("cluster={} resource={} {} {}", cluster, state.type.groupResource(), type,
                        object.path("metadata").path("name").asText());
            }
            long received = System.nanoTime();
            switch (type) {
                case "ADDED", "MODIFIED" -> {
                    IndexDocument doc = IndexDocument.of(state.type, object, context.json());
                    if (doc != null) {
                        submit(new SyncCommand.Upsert(state, doc, received, true));
                        state.watchRv = doc.resourceVersion();
                    }
                }
                case "DELETED" -> {
                    JsonNode meta = object.path("metadata");
                    String rv = meta.path("resourceVersion").asText("");
                    submit(new SyncCommand.Delete(state, state.type.namespaced() ? meta.path("namespace").asText("")
                            : "", meta.path("name").asText(), rv, received));
                    state.watchRv = rv;
                }
                case "BOOKMARK" -> {
                    String rv = object.path("metadata").path("resourceVersion").asText("");
                    if (!rv.isEmpty()) {
                        submit(new SyncCommand.Progress(state, rv));
                        state.watchRv = rv;
                    }
                }
                default -> log.debug("cluster={} resource={} ignored watch event {}", cluster,
                        state.type.groupResource(), type);
            }
        }

        @Override
        public void onClose(SyncFailure failure) {
            ends.add(new WatchEnd(state, generation, failure));
        }
    }

    private void submit(SyncCommand command) throws InterruptedException {
        while (!shard.offer(command, 100)) {
            if (!running) {
                throw new InterruptedException("stopping");
            }
        }
    }

    private void closeWatches() {
        watches.forEach((state, open) -> {
            state.watchGeneration = -1;
            open.watch().close();
        });
        watches.clear();
    }

    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void setPhase(String next, String text) {
        if (!next.equals(phase)) {
            since = Instant.now();
        }
        phase = next;
        message = text;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
