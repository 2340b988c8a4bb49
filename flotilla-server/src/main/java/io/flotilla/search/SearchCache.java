package io.flotilla.search;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers of recent search statements, in memory, each valid until a write to a resource type it read
 * commits. A statement's key is its SQL text and bound values, the caller's permission filter included,
 * so callers who may read the same objects share an answer and nobody gets one computed for others.
 *
 * <p>Every resource type has a version and a count of writes in flight. A writer of this process
 * {@linkplain #writing announces} its types before its transaction and closes the announcement after
 * the commit (or rollback); writes of other replicas arrive as {@linkplain #changed committed changes}
 * (PostgreSQL notifications, {@link SearchChangeFeed}). An answer is kept only if no write to its types was in flight
 * and no version moved while it was read, and is served only while that still holds, so a reader never
 * gets an answer older than what a read of the database after the last local commit would give. When
 * the notification feed is down the cache is {@linkplain #trust not trusted}: every read goes to the
 * database and nothing is kept.
 *
 * <p>Concurrent misses of one statement are read once: later callers wait for the first one's answer
 * when the versions it was read at are still current. Entries are evicted least-recently-used beyond
 * {@code maxBytes}. No I/O here.
 */
@Component
final class SearchCache implements MeterBinder {

    /** The type of statements that may read any type (owner chains): changed by every write. */
    static final String EVERY_TYPE = "*";

    /** Hits, misses and size, for metrics and the benchmark. */
    record Stats(long hits, long misses, long entries, long bytes, boolean trusted) {}

    private record Key(String sql, List<Object> values) {}

    private record Entry(Object value, Snapshot snapshot, long bytes) {}

    private record Loading(CompletableFuture<Object> answer, Snapshot snapshot) {}

    private static final class TypeVersion {
        final AtomicInteger writing = new AtomicInteger();
        final AtomicLong version = new AtomicLong();
    }

    /** The versions of a statement's types when it was read; {@code valid} while none moved or is being written. */
    private record Snapshot(TypeVersion[] types, long[] versions, long epoch) {
        boolean matches(Snapshot other) {
            return epoch == other.epoch && Arrays.equals(versions, other.versions);
        }
    }

    /** A write announced before its transaction; close it after the commit or rollback. */
    interface Writing extends AutoCloseable {
        @Override
        void close();
    }

    private final long maxBytes;
    private final Map<String, TypeVersion> versions = new ConcurrentHashMap<>();
    private final TypeVersion every = new TypeVersion();
    /** Moves when everything changes at once (a cluster purged, the feed lost); writes of all types in flight. */
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicInteger writingAll = new AtomicInteger();
    private final Map<Key, Loading> loading = new ConcurrentHashMap<>();
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile boolean trusted;
    private long bytes;

    /**
     * @param maxBytes approximate memory for answers; 0 turns the cache off
     * @param trusted whether changes of other writers reach {@link #changed} (false until the feed listens)
     */
    SearchCache(long maxBytes, boolean trusted) {
        this.maxBytes = maxBytes;
        this.trusted = trusted;
    }

    /** The server's cache: {@code flotilla.search.api.cache-size}, trusted once {@link SearchChangeFeed} listens. */
    @Autowired
    SearchCache(SearchProperties properties) {
        this(properties.cacheSize().toBytes(), false);
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /**
     * The statement's answer: kept, being read by another caller, or read now by {@code load}.
     *
     * @param reads the resource types ({@code group/resource}) the statement reads, {@link #EVERY_TYPE} for any
     * @param fresh true to read the database in any case (the answer is kept for later callers)
     * @param weigh approximate bytes of an answer
     */
    @SuppressWarnings("unchecked")
    <T> T get(String sql, Map<String, Object> params, Set<String> reads, boolean fresh, Supplier<T> load,
            ToLongFunction<T> weigh) {
        if (!enabled()) {
            return load.get();
        }
        Key key = new Key(sql, canonical(params));
        List<String> types = reads.stream().sorted().toList();
        Snapshot now = snapshot(types);
        if (now == null) {
            misses.incrementAndGet();
            return load.get(); // a write is in flight or the feed is down: read, keep nothing
        }
        if (!fresh) {
            synchronized (entries) {
                Entry e = entries.get(key);
                if (e != null) {
                    if (e.snapshot().matches(now)) {
                        hits.incrementAndGet();
                        return (T) e.value();
                    }
                    remove(key, e);
                }
            }
            Loading other = loading.get(key);
            if (other != null && other.snapshot().matches(now)) {
                hits.incrementAndGet();
                return (T) join(other.answer());
            }
        }
        misses.incrementAndGet();
        Loading mine = new Loading(new CompletableFuture<>(), now);
        loading.put(key, mine);
        try {
            T value = load.get();
            mine.answer().complete(value);
            Snapshot after = snapshot(types);
            if (after != null && after.matches(now)) {
                put(key, new Entry(value, now, weigh.applyAsLong(value) + 64 + 2L * sql.length()));
            }
            return value;
        } catch (RuntimeException | Error e) {
            mine.answer().completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /**
     * Announces a write of {@code types} (or {@link #EVERY_TYPE}) by this process: nothing of those types is
     * served or kept until the returned handle is closed, after the commit or rollback.
     */
    Writing writing(Collection<String> types) {
        if (types.isEmpty()) {
            return () -> { };
        }
        List<TypeVersion> touched = new ArrayList<>();
        boolean all = types.contains(EVERY_TYPE);
        if (all) {
            writingAll.incrementAndGet();
            epoch.incrementAndGet();
        } else {
            for (String t : types) {
                touched.add(version(t));
            }
            touched.add(every);
        }
        for (TypeVersion v : touched) {
            v.writing.incrementAndGet();
            v.version.incrementAndGet();
        }
        return () -> {
            for (TypeVersion v : touched) {
                v.version.incrementAndGet();
                v.writing.decrementAndGet();
            }
            if (all) {
                epoch.incrementAndGet();
                writingAll.decrementAndGet();
                clear();
            }
        };
    }

    /** A committed write of {@code types} (or {@link #EVERY_TYPE}) made elsewhere: answers that read them are dropped. */
    void changed(Collection<String> types) {
        if (types.contains(EVERY_TYPE)) {
            epoch.incrementAndGet();
            clear();
            return;
        }
        for (String t : types) {
            version(t).version.incrementAndGet();
        }
        every.version.incrementAndGet();
    }

    /** Whether changes made elsewhere reach {@link #changed}; when not, nothing is served or kept. */
    void trust(boolean value) {
        if (!value) {
            trusted = false;
            epoch.incrementAndGet();
            clear();
        } else {
            epoch.incrementAndGet();
            clear();
            trusted = true;
        }
    }

    /** {@code flotilla_search_cache_*}: requests answered from memory or read, entries, bytes, whether trusted. */
    @Override
    public void bindTo(MeterRegistry registry) {
        String requests = "search statements: hit = answered from memory, miss = read from PostgreSQL";
        FunctionCounter.builder("flotilla.search.cache.requests", hits, AtomicLong::get).tag("result", "hit")
                .description(requests).register(registry);
        FunctionCounter.builder("flotilla.search.cache.requests", misses, AtomicLong::get).tag("result", "miss")
                .description(requests).register(registry);
        Gauge.builder("flotilla.search.cache.entries", () -> stats().entries()).description("answers kept")
                .register(registry);
        Gauge.builder("flotilla.search.cache.bytes", () -> stats().bytes()).description("approximate memory of "
                + "the answers kept").register(registry);
        Gauge.builder("flotilla.search.cache.trusted", () -> trusted ? 1 : 0).description("1 while the change "
                + "feed listens (answers are kept), 0 while every search reads PostgreSQL").register(registry);
    }

    Stats stats() {
        synchronized (entries) {
            return new Stats(hits.get(), misses.get(), entries.size(), bytes, trusted);
        }
    }

    private Snapshot snapshot(List<String> reads) {
        if (!trusted || writingAll.get() > 0) {
            return null;
        }
        long e = epoch.get();
        TypeVersion[] types = new TypeVersion[reads.size()];
        int i = 0;
        for (String t : reads) {
            types[i++] = EVERY_TYPE.equals(t) ? every : version(t);
        }
        long[] v = new long[types.length];
        for (i = 0; i < types.length; i++) {
            if (types[i].writing.get() > 0) {
                return null;
            }
            v[i] = types[i].version.get();
        }
        if (!trusted || writingAll.get() > 0) {
            return null;
        }
        return new Snapshot(types, v, e);
    }

    private TypeVersion version(String type) {
        return versions.computeIfAbsent(type, t -> new TypeVersion());
    }

    private void put(Key key, Entry entry) {
        if (entry.bytes() > maxBytes / 8) {
            return; // one huge answer would evict many small ones
        }
        synchronized (entries) {
            Entry old = entries.put(key, entry);
            bytes += entry.bytes() - (old == null ? 0 : old.bytes());
            Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
    }

    private void remove(Key key, Entry e) {
        if (entries.remove(key, e)) {
            bytes -= e.bytes();
        }
    }

    private void clear() {
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    /** Bound values by name, arrays as lists, so equal statements have equal keys. */
    private static List<Object> canonical(Map<String, Object> params) {
        List<Object> out = new ArrayList<>(params.size() * 2);
        new TreeMap<>(params).forEach((name, value) -> {
            out.add(name);
            out.add(value instanceof Object[] a ? Arrays.asList(a) : value);
        });
        return out;
    }

    private static Object join(CompletableFuture<Object> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
