package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SearchCacheTest {

    private static final String SQL = "SELECT ... WHERE r.api_group = :tg0 AND r.resource = :tr0";
    private static final Set<String> PODS = Set.of("/pods");

    private final SearchCache cache = new SearchCache(1 << 20, true);
    private final AtomicInteger loads = new AtomicInteger();

    private String get(Map<String, Object> params, Set<String> reads) {
        return get(params, reads, false);
    }

    private String get(Map<String, Object> params, Set<String> reads, boolean fresh) {
        return cache.get(SQL, params, reads, fresh, counted(() -> "answer " + loads.get()), String::length);
    }

    private <T> Supplier<T> counted(Supplier<T> s) {
        return () -> {
            loads.incrementAndGet();
            return s.get();
        };
    }

    @Test
    void servesAKeptAnswerWithoutReadingAgain() {
        assertThat(get(Map.of("a", "1"), PODS)).isEqualTo("answer 1");
        assertThat(get(Map.of("a", "1"), PODS)).isEqualTo("answer 1");
        assertThat(loads).hasValue(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void differentBoundValuesAreDifferentAnswers() {
        get(Map.of("allowedNamespaces", new String[] {"a"}), PODS);
        get(Map.of("allowedNamespaces", new String[] {"b"}), PODS);
        assertThat(get(Map.of("allowedNamespaces", new String[] {"a"}), PODS)).isEqualTo("answer 1");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLocalWriteOfTheTypeDropsItsAnswersButNotOthers() {
        get(Map.of("a", "pods"), PODS);
        get(Map.of("a", "nodes"), Set.of("/nodes"));
        try (SearchCache.Writing w = cache.writing(List.of("/pods"))) {
            assertThat(loads).hasValue(2);
        }
        assertThat(get(Map.of("a", "pods"), PODS)).isEqualTo("answer 3");
        assertThat(get(Map.of("a", "nodes"), Set.of("/nodes"))).isEqualTo("answer 2");
        assertThat(loads).hasValue(3);
    }

    @Test
    void whileAWriteIsInFlightEveryReadGoesToTheDatabaseAndNothingIsKept() {
        get(Map.of(), PODS);
        try (SearchCache.Writing w = cache.writing(List.of("/pods"))) {
            assertThat(get(Map.of(), PODS)).isEqualTo("answer 2");
            assertThat(get(Map.of(), PODS)).isEqualTo("answer 3");
        }
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 4");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 4");
    }

    @Test
    void anAnswerReadWhileAWriteBeganIsNotKept() {
        String first = cache.get(SQL, Map.of(), PODS, false, () -> {
            cache.writing(List.of("/pods")).close(); // committed while the statement ran
            return "read during the write";
        }, String::length);
        assertThat(first).isEqualTo("read during the write");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 1");
    }

    @Test
    void ownerChainsAreDroppedByAWriteOfAnyType() {
        Set<String> any = Set.of(SearchCache.EVERY_TYPE);
        get(Map.of(), any);
        cache.writing(List.of("apps/replicasets")).close();
        assertThat(get(Map.of(), any)).isEqualTo("answer 2");
        cache.changed(List.of("/configmaps"));
        assertThat(get(Map.of(), any)).isEqualTo("answer 3");
    }

    @Test
    void changesOfOtherReplicasDropAnswersAndEveryTypeDropsAll() {
        get(Map.of("a", "pods"), PODS);
        get(Map.of("a", "nodes"), Set.of("/nodes"));
        cache.changed(List.of("/pods"));
        assertThat(get(Map.of("a", "pods"), PODS)).isEqualTo("answer 3");
        assertThat(get(Map.of("a", "nodes"), Set.of("/nodes"))).isEqualTo("answer 2");
        cache.changed(List.of(SearchCache.EVERY_TYPE));
        assertThat(get(Map.of("a", "nodes"), Set.of("/nodes"))).isEqualTo("answer 4");
        assertThat(loads).hasValue(4);
    }

    @Test
    void aPurgeInFlightStopsServingEveryType() {
        get(Map.of(), Set.of("/nodes"));
        try (SearchCache.Writing w = cache.writing(List.of(SearchCache.EVERY_TYPE))) {
            assertThat(get(Map.of(), Set.of("/nodes"))).isEqualTo("answer 2");
        }
        assertThat(get(Map.of(), Set.of("/nodes"))).isEqualTo("answer 3");
        assertThat(get(Map.of(), Set.of("/nodes"))).isEqualTo("answer 3");
    }

    @Test
    void anUntrustedCacheReadsEveryTimeUntilTrustedAgain() {
        get(Map.of(), PODS);
        cache.trust(false);
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 2");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 3");
        assertThat(cache.stats().entries()).isZero();
        cache.trust(true);
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 4");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 4");
    }

    @Test
    void aFreshReadGoesToTheDatabaseAndRefreshesTheAnswer() {
        get(Map.of(), PODS);
        assertThat(get(Map.of(), PODS, true)).isEqualTo("answer 2");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 2");
    }

    @Test
    void aDisabledCacheAlwaysReads() {
        SearchCache off = new SearchCache(0, true);
        off.get(SQL, Map.of(), PODS, false, counted(() -> "x"), String::length);
        off.get(SQL, Map.of(), PODS, false, counted(() -> "x"), String::length);
        assertThat(loads).hasValue(2);
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsSize() {
        SearchCache small = new SearchCache(8 * 1024, true);
        Supplier<String> big = counted(() -> "x".repeat(400));
        for (int i = 0; i < 20; i++) {
            small.get(SQL, Map.of("i", i), PODS, false, big, String::length);
            small.get(SQL, Map.of("i", 0), PODS, false, big, String::length); // keeps 0 recently used
        }
        assertThat(small.stats().bytes()).isLessThanOrEqualTo(8 * 1024);
        int before = loads.get();
        small.get(SQL, Map.of("i", 0), PODS, false, big, String::length);
        assertThat(loads).hasValue(before);
        small.get(SQL, Map.of("i", 1), PODS, false, big, String::length);
        assertThat(loads).hasValue(before + 1);
    }

    @Test
    void aFailedReadIsNotKeptAndItsErrorReachesTheCaller() {
        assertThatThrownBy(() -> cache.get(SQL, Map.of(), PODS, false, () -> {
            throw new IllegalStateException("database down");
        }, (String s) -> 1)).hasMessage("database down");
        assertThat(get(Map.of(), PODS)).isEqualTo("answer 1");
    }

    @Test
    void concurrentMissesOfOneStatementReadOnce() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> cache.get(SQL, Map.of(), PODS, false, counted(() -> {
                reading.countDown();
                waitFor(release);
                return "shared";
            }), String::length));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> get(Map.of(), PODS));
            // the second caller finds the first one's read in progress and waits for it (counted as a hit)
            await().atMost(Duration.ofSeconds(5)).until(() -> cache.stats().hits() == 1);
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallerArrivingAfterAWriteDoesNotWaitForAnOlderRead() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<String> first = pool.submit(() -> cache.get(SQL, Map.of(), PODS, false, counted(() -> {
                reading.countDown();
                waitFor(release);
                return "before the write";
            }), String::length));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            cache.writing(List.of("/pods")).close();
            assertThat(get(Map.of(), PODS)).isEqualTo("answer 2");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("before the write");
            assertThat(get(Map.of(), PODS)).isEqualTo("answer 2");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notificationsNameTheTypesOrEverything() {
        assertThat(SearchChangeFeed.types("/pods,apps/deployments")).containsExactly("/pods", "apps/deployments");
        assertThat(SearchChangeFeed.types("")).containsExactly(SearchCache.EVERY_TYPE);
        assertThat(SearchChangeFeed.types(null)).containsExactly(SearchCache.EVERY_TYPE);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
