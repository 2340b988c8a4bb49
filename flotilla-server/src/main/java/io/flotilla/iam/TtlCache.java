package io.flotilla.iam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small cache whose entries are reused for at most {@code ttl} and which {@link #invalidateAll()}
 * empties at once. A value loaded while an invalidation happens is returned to its caller but never
 * stored, so no entry outlives the change that invalidated it. Loaders returning null are not cached.
 */
final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant expires, long generation) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    TtlCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached value of {@code key}, or what {@code loader} gives (cached unless null). */
    V get(K key, Function<K, V> loader) {
        long current = generation.get();
        Instant now = clock.instant();
        Entry<V> e = entries.get(key);
        if (e != null && e.generation() == current && now.isBefore(e.expires())) {
            return e.value();
        }
        V value = loader.apply(key);
        if (value == null || ttl.isZero() || ttl.isNegative()) {
            return value;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now.plus(ttl), current));
        if (generation.get() != current) {
            entries.remove(key);
        }
        return value;
    }

    /** Drops every entry, including values being loaded right now. */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
