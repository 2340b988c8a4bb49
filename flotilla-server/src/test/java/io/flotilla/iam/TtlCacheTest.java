package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger loads = new AtomicInteger();
    private final TtlCache<String, String> cache = new TtlCache<>(Duration.ofSeconds(5), 100, clock);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void reusesAValueForTheTtlAndReloadsItAfterwards() {
        assertThat(cache.get("alice", this::load)).isEqualTo("alice#1");
        clock.advance(Duration.ofMillis(4999));
        assertThat(cache.get("alice", this::load)).isEqualTo("alice#1");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("alice", this::load)).isEqualTo("alice#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void invalidateAllMakesTheNextCallLoadAgainAtOnce() {
        cache.get("alice", this::load);
        cache.get("bob", this::load);
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        assertThat(cache.get("alice", this::load)).isEqualTo("alice#3");
    }

    @Test
    void aValueLoadedWhileAnInvalidationHappensIsNotKept() {
        String first = cache.get("alice", k -> {
            cache.invalidateAll(); // a change commits while this request reads the old state
            return "stale";
        });
        assertThat(first).isEqualTo("stale");
        assertThat(cache.get("alice", this::load)).isEqualTo("alice#1");
    }

    @Test
    void absentValuesAreNeverCached() {
        assertThat(cache.get("nobody", k -> null)).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.get("nobody", this::load)).isEqualTo("nobody#1");
    }

    @Test
    void zeroTtlTurnsCachingOff() {
        TtlCache<String, String> off = new TtlCache<>(Duration.ZERO, 100, clock);
        off.get("alice", this::load);
        off.get("alice", this::load);
        assertThat(loads).hasValue(2);
        assertThat(off.size()).isZero();
    }

    @Test
    void aFullCacheIsEmptiedBeforeGrowingPastItsBound() {
        TtlCache<String, String> small = new TtlCache<>(Duration.ofMinutes(1), 2, clock);
        small.get("a", this::load);
        small.get("b", this::load);
        small.get("c", this::load);
        assertThat(small.size()).isEqualTo(1);
        assertThat(small.get("c", this::load)).isEqualTo("c#3");
    }
}
