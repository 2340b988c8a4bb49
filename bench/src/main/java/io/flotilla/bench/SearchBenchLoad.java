package io.flotilla.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** A closed-loop load generator over HTTP: C workers, each sending the next query of the mix as soon as the last returned. */
final class SearchBenchLoad {

    /** One query of the published mix: a name and its request path for a given random source. */
    record Query(String name, Function<Random, String> path) {}

    /** Latencies (nanoseconds) per query name, plus failures and the measured wall time. */
    record Result(int concurrency, Map<String, long[]> latencies, long failures, double seconds, String firstFailure) {
        long requests() {
            return latencies.values().stream().mapToLong(a -> a.length).sum();
        }

        long[] all() {
            return latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final boolean noCache;

    SearchBenchLoad(String base, String token) {
        this(base, token, false);
    }

    /** With {@code noCache}, every request carries {@code Cache-Control: no-cache} (the server reads PostgreSQL). */
    SearchBenchLoad(String base, String token, boolean noCache) {
        this.base = base;
        this.token = token;
        this.noCache = noCache;
    }

    /** GET and return status plus body (without credential when the token is null). */
    HttpResponse<byte[]> get(String path) throws Exception {
        return get(path, "application/json");
    }

    HttpResponse<byte[]> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (noCache) {
            b.header("Cache-Control", "no-cache");
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String requestHeaders() {
        return (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Accept: application/json\r\n"
                + (noCache ? "Cache-Control: no-cache\r\n" : "");
    }

    /** Runs the mix closed-loop, each worker on its own keep-alive connection ({@link BenchHttp}). */
    Result run(List<Query> mix, int concurrency, Duration warmup, Duration measure) throws InterruptedException {
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<Map<String, List<Long>>> perWorker = new ArrayList<>();
        long[] failures = new long[concurrency];
        String[] firstFailure = new String[1];
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Map<String, List<Long>> mine = new LinkedHashMap<>();
            mix.forEach(q -> mine.put(q.name(), new ArrayList<>()));
            perWorker.add(mine);
            int id = w;
            Thread t = Thread.ofPlatform().name("load-" + w).start(() -> {
                Random random = new Random(1000 + id);
                int i = id;
                try (BenchHttp client = new BenchHttp(base, requestHeaders())) {
                    while (!stop.get()) {
                        Query q = mix.get(i++ % mix.size());
                        String path = q.path().apply(random);
                        long start = System.nanoTime();
                        try {
                            BenchHttp.Reply r = client.get(path);
                            long took = System.nanoTime() - start;
                            if (r.status() != 200) {
                                failures[id]++;
                                synchronized (firstFailure) {
                                    if (firstFailure[0] == null) {
                                        firstFailure[0] = r.status() + " " + path + " " + new String(client.body(), 0,
                                                Math.min(300, r.length()), StandardCharsets.UTF_8);
                                    }
                                }
                            } else if (recording.get()) {
                                mine.get(q.name()).add(took);
                            }
                        } catch (Exception e) {
                            failures[id]++;
                            synchronized (firstFailure) {
                                if (firstFailure[0] == null) {
                                    firstFailure[0] = path + " " + e;
                                }
                            }
                        }
                    }
                }
            });
            workers.add(t);
        }
        Thread.sleep(warmup.toMillis());
        recording.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(measure.toMillis());
        recording.set(false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        Map<String, long[]> merged = new LinkedHashMap<>();
        for (Query q : mix) {
            merged.put(q.name(), perWorker.stream().flatMap(m -> m.get(q.name()).stream()).mapToLong(Long::longValue)
                    .sorted().toArray());
        }
        return new Result(concurrency, merged, Arrays.stream(failures).sum(), seconds, firstFailure[0]);
    }

    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
