package io.flotilla.search;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread and its queue. Every cluster's changes go to one shard, so they are written in the
 * order they happened; a batch keeps the newest change per object and is written in one transaction.
 * A failed write is retried (the changes stay in memory); nothing is acknowledged before it is committed.
 */
final class IndexShard implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(IndexShard.class);

    private record RowKey(String cluster, String group, String resource, String namespace, String name) {}

    private final int id;
    private final IndexWriter writer;
    private final int batchSize;
    private final long flushNanos;
    private final BlockingQueue<SyncCommand> queue;
    private volatile boolean stopping;

    IndexShard(int id, IndexWriter writer, int batchSize, long flushNanos, int capacity) {
        this.id = id;
        this.writer = writer;
        this.batchSize = batchSize;
        this.flushNanos = flushNanos;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a command, waiting while the queue is full (that slows the watches down). */
    void submit(SyncCommand command) throws InterruptedException {
        queue.put(command);
    }

    /** Queues a command unless the queue stays full for {@code millis}. */
    boolean offer(SyncCommand command, long millis) throws InterruptedException {
        return queue.offer(command, millis, TimeUnit.MILLISECONDS);
    }

    int pending() {
        return queue.size();
    }

    /** Ends the thread after what is queued now has been written (or dropped when the database is down). */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        List<SyncCommand> data = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                SyncCommand first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                long deadline = System.nanoTime() + flushNanos;
                SyncCommand next = first;
                while (next != null) {
                    if (isData(next)) {
                        data.add(next);
                    } else {
                        flush(data);
                        control(next);
                    }
                    if (data.size() >= batchSize) {
                        break;
                    }
                    long wait = deadline - System.nanoTime();
                    next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
                }
                flush(data);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("index writer {} failed on a batch; dropped it (watches replay it after a restart)", id, e);
                data.clear();
            }
        }
    }

    private static boolean isData(SyncCommand c) {
        return c instanceof SyncCommand.Upsert || c instanceof SyncCommand.Delete || c instanceof SyncCommand.Progress;
    }

    private void flush(List<SyncCommand> data) throws InterruptedException {
        if (data.isEmpty()) {
            return;
        }
        Map<RowKey, SyncCommand> newest = new LinkedHashMap<>();
        Map<SyncTypeState, String[]> progress = new LinkedHashMap<>();
        Map<SyncTypeState, Long> oldest = new HashMap<>();
        String now = Instant.now().toString();
        for (SyncCommand c : data) {
            switch (c) {
                case SyncCommand.Upsert u -> {
                    keepNewest(newest, new RowKey(u.state().cluster, u.state().type.group(), u.state().type.resource(),
                            u.document().namespace(), u.document().name()), u, u.document().resourceVersion());
                    String[] p = progress.computeIfAbsent(u.state(), k -> new String[2]);
                    if (u.watched()) {
                        p[0] = u.document().resourceVersion();
                        p[1] = now;
                    }
                    oldest.merge(u.state(), u.receivedNanos(), Math::min);
                }
                case SyncCommand.Delete d -> {
                    keepNewest(newest, new RowKey(d.state().cluster, d.state().type.group(), d.state().type.resource(),
                            d.namespace(), d.name()), d, d.resourceVersion());
                    String[] p = progress.computeIfAbsent(d.state(), k -> new String[2]);
                    p[0] = d.resourceVersion();
                    p[1] = now;
                    oldest.merge(d.state(), d.receivedNanos(), Math::min);
                }
                case SyncCommand.Progress p -> progress.computeIfAbsent(p.state(), k -> new String[2])[0] =
                        p.resourceVersion();
                default -> throw new IllegalStateException("not a data command: " + c);
            }
        }
        List<SyncCommand.Upsert> upserts = new ArrayList<>();
        List<SyncCommand.Delete> deletes = new ArrayList<>();
        for (SyncCommand c : newest.values()) {
            if (c instanceof SyncCommand.Upsert u) {
                upserts.add(u);
            } else {
                deletes.add((SyncCommand.Delete) c);
            }
        }
        List<IndexWriter.TypeProgress> types = new ArrayList<>();
        progress.forEach((state, p) -> types.add(new IndexWriter.TypeProgress(state, p[0], p[1])));
        Map<String, Long> counts = retrying("write " + newest.size() + " changes", () -> {
            try {
                return writer.write(upserts, deletes, types);
            } catch (SQLException e) {
                if (!rejected(e)) {
                    throw e;
                }
                return oneByOne(upserts, deletes, types, e);
            }
        });
        long done = System.nanoTime();
        for (SyncTypeState state : progress.keySet()) {
            Long count = counts.get(IndexWriter.key(state.cluster, state.type.group(), state.type.resource()));
            if (count != null) {
                state.objects = count;
            }
            String[] p = progress.get(state);
            if (p[1] != null) {
                state.lastEventAt = Instant.parse(p[1]);
            }
            Long first = oldest.get(state);
            if (first != null) {
                state.lagMillis = TimeUnit.NANOSECONDS.toMillis(done - first);
            }
        }
        data.clear();
    }

    /** Data errors (22xxx), constraint violations (23xxx): the batch holds a row PostgreSQL will never take. */
    private static boolean rejected(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Writes a rejected batch change by change, skipping (and logging) the changes PostgreSQL refuses. */
    private Map<String, Long> oneByOne(List<SyncCommand.Upsert> upserts, List<SyncCommand.Delete> deletes,
            List<IndexWriter.TypeProgress> types, SQLException cause) throws SQLException {
        log.warn("index writer {}: PostgreSQL rejected a batch ({}); writing it change by change", id,
                cause.getMessage());
        for (SyncCommand.Upsert u : upserts) {
            try {
                writer.write(List.of(u), List.of(), List.of(new IndexWriter.TypeProgress(u.state(), null, null)));
            } catch (SQLException e) {
                if (!rejected(e)) {
                    throw e;
                }
                log.warn("cluster={} resource={} object {}/{} cannot be indexed and is skipped: {}", u.state().cluster,
                        u.state().type.groupResource(), u.document().namespace(), u.document().name(), e.getMessage());
                u.state().error = "object " + u.document().namespace() + "/" + u.document().name()
                        + " could not be indexed and is missing from search: " + e.getMessage();
            }
        }
        for (SyncCommand.Delete d : deletes) {
            writer.write(List.of(), List.of(d), List.of(new IndexWriter.TypeProgress(d.state(), null, null)));
        }
        return writer.write(List.of(), List.of(), types);
    }

    private static void keepNewest(Map<RowKey, SyncCommand> newest, RowKey key, SyncCommand c, String rv) {
        SyncCommand current = newest.get(key);
        if (current == null || !IndexDocument.newer(rvOf(current), rv)) {
            newest.put(key, c);
        }
    }

    private static String rvOf(SyncCommand c) {
        return c instanceof SyncCommand.Upsert u ? u.document().resourceVersion()
                : ((SyncCommand.Delete) c).resourceVersion();
    }

    private void control(SyncCommand c) throws InterruptedException {
        switch (c) {
            case SyncCommand.ListStarted s -> s.state().listStartedAt =
                    retrying("start the list of " + s.state(), () -> writer.listStarted(s.state()));
            case SyncCommand.ListDone d -> {
                long count = retrying("finish the list of " + d.state(),
                        () -> writer.listDone(d.state(), d.state().listStartedAt, d.resourceVersion()));
                d.state().objects = count;
                d.state().listed = true;
                log.debug("cluster={} resource={} listed: {} objects at resourceVersion {}", d.state().cluster,
                        d.state().type.groupResource(), count, d.resourceVersion());
            }
            case SyncCommand.DropType t -> retrying("drop " + t.resource() + " of cluster " + t.cluster(), () -> {
                writer.dropType(t.cluster(), t.group(), t.resource());
                return null;
            });
            case SyncCommand.PurgeCluster p -> {
                retrying("purge cluster " + p.cluster(), () -> {
                    writer.purgeCluster(p.cluster());
                    return null;
                });
                log.info("cluster={} removed from the search index", p.cluster());
            }
            case SyncCommand.Barrier b -> b.done().complete(null);
            default -> throw new IllegalStateException("not a control command: " + c);
        }
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T retrying(String what, Sql<T> sql) throws InterruptedException {
        long delay = 200;
        while (true) {
            try {
                return sql.run();
            } catch (SQLException e) {
                if (stopping) {
                    throw new IllegalStateException("could not " + what + " while stopping: " + e.getMessage(), e);
                }
                log.warn("index writer {} could not {} ({}); retrying in {} ms", id, what, e.getMessage(), delay);
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 10_000);
            }
        }
    }
}
