package io.flotilla.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxRuntime;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.sandbox.sim.SimulatorSettings;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Search latency: starts the server jar as a child process (embedded PostgreSQL, or an external one),
 * fills the index with COPY, then measures the published query mix over HTTP at several concurrencies,
 * the floor (the same SQL over JDBC, and the JSON assembly alone) and a fan-out LIST to sandbox clusters
 * for comparison. Run {@code bench/run SearchLatencyBench --help}.
 */
public final class SearchLatencyBench {

    private static final String R = "/apis/clusterpedia.io/v1beta1/resources";
    private static final String ADMIN_PASSWORD = "bench-admin-password-1";

    /**
     * Mirrors SearchSql's OBJECT projection: the page is chosen on plain columns, then its rows' stored
     * JSON text is read (the server sets apiVersion, kind and the cluster annotation in Java, a few µs per row).
     */
    private static final String RENDER = "SELECT r.cluster, r.api_group, r.version, r.resource, r.kind, r.namespace, "
            + "r.name, (CASE WHEN r.kind = 'Secret' AND r.api_group = '' THEN r.object - 'data' - 'stringData' "
            + "ELSE r.object END)::text FROM (SELECT r.cluster, r.api_group, "
            + "r.version, r.resource, r.kind, r.namespace, r.name, r.uid, r.labels, r.resource_version, r.created_at, "
            + "r.object, r.phase, r.node_name FROM search_resources r WHERE (r.api_group = '' AND r.resource = 'pods' "
            + "AND true)";
    private static final String DEFAULT_ORDER = " ORDER BY cluster, namespace, name";

    private static String statement(String condition, String order) {
        return RENDER + condition + order + " LIMIT 101) r" + order;
    }

    private record Options(int clusters, int pods, int podsPerDeployment, int seconds, List<Integer> concurrency,
            int fanoutClusters, int fanoutPods, String jar, String dbUrl, String dbUser, String dbPassword,
            int fixedCostSeconds, List<String> serverJavaOpts, String cache, int warmupSeconds) {}

    private SearchLatencyBench() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o == null) {
            return;
        }
        Path dir = Files.createTempDirectory("flotilla-search-bench-");
        int httpPort = freePort();
        int dbPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(o.serverJavaOpts());
        command.addAll(List.of("-jar", o.jar(), "--server.port=" + httpPort, "--flotilla.data-dir=" + dir,
                "--logging.level.io.flotilla=warn"));
        String jdbc;
        String user;
        String password;
        if (o.dbUrl() == null) {
            command.add("--flotilla.database.port=" + dbPort);
            jdbc = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
            user = "postgres";
            password = "";
        } else {
            command.addAll(List.of("--spring.datasource.url=" + o.dbUrl(), "--spring.datasource.username=" + o.dbUser(),
                    "--spring.datasource.password=" + o.dbPassword()));
            jdbc = o.dbUrl();
            user = o.dbUser();
            password = o.dbPassword();
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        pb.environment().put("FLOTILLA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        System.out.printf("machine: %d cores, %s %s; server jar %s; data dir %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version"), o.jar(), dir);
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + httpPort;
            awaitHealthy(base, server, dir);
            try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
                long t0 = System.nanoTime();
                long rows = SearchBenchData.fill(db, o.clusters(), o.pods(), o.podsPerDeployment());
                double fill = (System.nanoTime() - t0) / 1e9;
                long bytes = single(db, "SELECT pg_total_relation_size('search_resources')");
                System.out.printf("index: %,d rows (%,d pods in %d clusters) written with COPY in %.1f s; "
                        + "PostgreSQL %,d bytes per row (table + indexes)%n", rows, (long) o.clusters() * o.pods(),
                        o.clusters(), fill, bytes / Math.max(1, rows));
                String token = accessKey(base);
                SearchBenchLoad load = new SearchBenchLoad(base, token);
                List<SearchBenchLoad.Query> mix = mix(o, load);
                System.out.println("\nquery mix (each worker cycles through it; parameters drawn at random):");
                mix.forEach(q -> System.out.println("  " + q.name() + ": " + q.path().apply(new Random(7))));
                SearchBenchLoad fresh = new SearchBenchLoad(base, token, true);
                if (o.warmupSeconds() > 0) {
                    // JIT and caches of server, PostgreSQL and this client: without it the first level measures warm-up
                    System.out.printf("%nwarm-up: the mix at concurrency 16 for %d s, with and without the cache%n",
                            o.warmupSeconds());
                    load.run(mix, 16, Duration.ZERO, Duration.ofSeconds((o.warmupSeconds() + 1) / 2));
                    fresh.run(mix, 16, Duration.ZERO, Duration.ofSeconds((o.warmupSeconds() + 1) / 2));
                }
                for (int c : o.concurrency()) {
                    if (!o.cache().equals("off")) {
                        double[] before = cacheCounters(load);
                        Cpu cpu = Cpu.now(server);
                        SearchBenchLoad.Result r = load.run(mix, c, Duration.ofSeconds(3),
                                Duration.ofSeconds(o.seconds()));
                        Cpu used = Cpu.now(server).minus(cpu);
                        double[] after = cacheCounters(load);
                        double hits = after[0] - before[0];
                        double misses = after[1] - before[1];
                        report(r, String.format("search cache on: %.0f %% of statements answered from memory "
                                + "(warm-up included)", 100 * hits / Math.max(1, hits + misses)), used, 3 + o.seconds());
                    }
                    if (!o.cache().equals("on")) {
                        Cpu cpu = Cpu.now(server);
                        SearchBenchLoad.Result r = fresh.run(mix, c, Duration.ofSeconds(3), Duration.ofSeconds(o.seconds()));
                        report(r, "Cache-Control: no-cache, every statement reads PostgreSQL", Cpu.now(server).minus(cpu),
                                3 + o.seconds());
                    }
                }
                if (o.fixedCostSeconds() > 0) {
                    fixedCost(db, o, load, new SearchBenchLoad(base, null));
                }
                floor(db, o, load);
                if (o.fanoutClusters() > 0) {
                    fanout(o, fresh); // uncached: a fan-out cannot keep answers either
                }
            }
        } finally {
            ServerStop.stop(server, dir);
        }
    }

    private static List<SearchBenchLoad.Query> mix(Options o, SearchBenchLoad load) throws Exception {
        int deployments = Math.max(1, o.pods() / o.podsPerDeployment());
        List<String> deep = new ArrayList<>();
        String token = null;
        for (int page = 1; page <= 30; page++) {
            HttpResponse<byte[]> r = load.get(R + "/api/v1/pods?orderby=" + enc("name desc") + "&limit=100"
                    + (token == null ? "" : "&continue=" + token));
            JsonNode c = new ObjectMapper().readTree(r.body()).path("metadata").path("continue");
            token = c.isMissingNode() ? null : c.asText();
            if (token == null) {
                break;
            }
            if (page >= 10) {
                deep.add(token);
            }
        }
        List<String> deepTokens = deep.isEmpty() ? List.of("") : deep;
        return List.of(
                new SearchBenchLoad.Query("by cluster", rnd -> R + "/clusters/" + SearchBenchData.cluster(
                        rnd.nextInt(o.clusters())) + "/api/v1/pods?limit=100"),
                new SearchBenchLoad.Query("by namespace", rnd -> R + "/api/v1/namespaces/ns-"
                        + rnd.nextInt(SearchBenchData.NAMESPACES) + "/pods?limit=100"),
                new SearchBenchLoad.Query("by label", rnd -> R + "/api/v1/pods?limit=100&labelSelector="
                        + enc("app=app-" + rnd.nextInt(deployments))),
                new SearchBenchLoad.Query("field status.phase", rnd -> R + "/api/v1/pods?limit=100&fieldSelector="
                        + enc("status.phase=" + (rnd.nextBoolean() ? "Pending" : "Failed"))),
                new SearchBenchLoad.Query("fuzzy name", rnd -> R + "/api/v1/pods?limit=100&labelSelector="
                        + enc("internalstorage.clusterpedia.io/fuzzy-name=app-" + rnd.nextInt(deployments) + "-")),
                new SearchBenchLoad.Query("owner (deployment→pods)", rnd -> {
                    int d = rnd.nextInt(deployments);
                    return R + "/clusters/" + SearchBenchData.cluster(rnd.nextInt(o.clusters())) + "/api/v1/namespaces/ns-"
                            + (d % SearchBenchData.NAMESPACES) + "/pods?ownerName=app-" + d
                            + "&ownerGR=deployments.apps&ownerSeniority=1";
                }),
                new SearchBenchLoad.Query("ordered deep page", rnd -> R + "/api/v1/pods?orderby=" + enc("name desc")
                        + "&limit=100&continue=" + deepTokens.get(rnd.nextInt(deepTokens.size()))));
    }

    /** The server's search cache counters (hits, misses) from its Prometheus endpoint. */
    private static double[] cacheCounters(SearchBenchLoad load) throws Exception {
        double[] out = new double[2];
        String text = new String(load.get("/actuator/prometheus", "text/plain").body(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("flotilla_search_cache_requests_total")) {
                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                out[line.contains("result=\"hit\"") ? 0 : 1] = v;
            }
        }
        return out;
    }

    private static String cache(String v) {
        if (!List.of("on", "off", "both").contains(v)) {
            throw new IllegalArgumentException("--cache takes on, off or both");
        }
        return v;
    }

    /** CPU seconds so far of the server JVM, of all PostgreSQL processes, and of this process (the load generator). */
    private record Cpu(double server, double postgres, double bench) {
        static Cpu now(Process server) {
            double pg = ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres"))
                    .orElse(false)).mapToDouble(Cpu::seconds).sum();
            return new Cpu(seconds(server.toHandle()), pg, seconds(ProcessHandle.current()));
        }

        private static double seconds(ProcessHandle p) {
            return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(server - earlier.server, postgres - earlier.postgres, bench - earlier.bench);
        }
    }

    private static void report(SearchBenchLoad.Result r, String mode, Cpu used, double wallSeconds) {
        report(r, mode);
        // requests over warm-up and measurement, at the measured rate
        double requests = r.requests() / r.seconds() * wallSeconds;
        System.out.printf("  CPU per request (warm-up included): server JVM %.2f ms, PostgreSQL %.2f ms, load generator "
                + "%.2f ms; cores busy %.2f of %d%n", used.server() * 1e3 / requests, used.postgres() * 1e3 / requests,
                used.bench() * 1e3 / requests, (used.server() + used.postgres() + used.bench()) / wallSeconds,
                Runtime.getRuntime().availableProcessors());
    }

    private static void report(SearchBenchLoad.Result r, String mode) {
        long[] all = r.all();
        System.out.printf("%nconcurrency %d (%s): %,d requests in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms, "
                + "failures %d%s%n", r.concurrency(), mode, r.requests(), r.seconds(), r.requests() / r.seconds(),
                SearchBenchLoad.percentileMs(all, 50), SearchBenchLoad.percentileMs(all, 99), r.failures(),
                r.firstFailure() == null ? "" : " (first: " + r.firstFailure() + ")");
        r.latencies().forEach((name, l) -> System.out.printf("  %-26s n=%-6d p50 %6.1f ms  p99 %6.1f ms%n", name,
                l.length, SearchBenchLoad.percentileMs(l, 50), SearchBenchLoad.percentileMs(l, 99)));
    }

    /**
     * The fixed cost of a request without any search: an authenticated request that only answers a
     * constant (access-key check, authorisation, filters, HTTP), and the unauthenticated health probe.
     */
    private static void fixedCost(Connection db, Options o, SearchBenchLoad authenticated, SearchBenchLoad anonymous)
            throws Exception {
        List<SearchBenchLoad.Query> version = List.of(new SearchBenchLoad.Query("version (key, no search)",
                rnd -> R + "/version"));
        List<SearchBenchLoad.Query> health = List.of(new SearchBenchLoad.Query("/healthz (no credential)",
                rnd -> "/healthz"));
        System.out.printf("%nfixed cost per request (%d s per level, 2 s warm-up):%n", o.fixedCostSeconds());
        System.out.printf("  PostgreSQL transactions per request: version %.2f, /healthz %.2f, search mix %.2f%n",
                transactionsPerRequest(db, authenticated, R + "/version"),
                transactionsPerRequest(db, anonymous, "/healthz"),
                transactionsPerRequest(db, authenticated, R + "/clusters/" + SearchBenchData.cluster(0)
                        + "/api/v1/pods?limit=100"));
        for (int c : o.concurrency()) {
            for (SearchBenchLoad.Result r : List.of(
                    authenticated.run(version, c, Duration.ofSeconds(2), Duration.ofSeconds(o.fixedCostSeconds())),
                    anonymous.run(health, c, Duration.ofSeconds(2), Duration.ofSeconds(o.fixedCostSeconds())))) {
                long[] all = r.all();
                System.out.printf("  concurrency %-3d %-26s %6.0f req/s  p50 %6.1f ms  p99 %6.1f ms  failures %d%n", c,
                        r.latencies().keySet().iterator().next(), r.requests() / r.seconds(),
                        SearchBenchLoad.percentileMs(all, 50), SearchBenchLoad.percentileMs(all, 99), r.failures());
            }
        }
    }

    /** Committed PostgreSQL transactions (every autocommit statement is one) per request, over 200 requests. */
    private static double transactionsPerRequest(Connection db, SearchBenchLoad load, String path) throws Exception {
        int n = 200;
        for (int i = 0; i < 20; i++) {
            load.get(path);
        }
        long before = commits(db);
        for (int i = 0; i < n; i++) {
            load.get(path);
        }
        long after = commits(db);
        return (after - before - 1) / (double) n;
    }

    /** The database's commit counter, after the server's statistics are flushed (PostgreSQL flushes them at least every second). */
    private static long commits(Connection db) throws Exception {
        Thread.sleep(1500);
        try (PreparedStatement s = db.prepareStatement("SELECT pg_stat_clear_snapshot(), xact_commit FROM pg_stat_database "
                + "WHERE datname = current_database()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** The same statements over JDBC (no HTTP, no Spring), with their plans, and the JSON assembly alone. */
    private static void floor(Connection db, Options o, SearchBenchLoad load) throws Exception {
        int deployments = Math.max(1, o.pods() / o.podsPerDeployment());
        Map<String, Object[]> statements = new LinkedHashMap<>();
        statements.put("by cluster", new Object[] {statement(" AND r.cluster = ?", DEFAULT_ORDER), SearchBenchData.cluster(42 % o.clusters())});
        statements.put("by namespace", new Object[] {statement(" AND r.namespace = ?", DEFAULT_ORDER), "ns-3"});
        statements.put("by label", new Object[] {statement(" AND (r.labels @> jsonb_build_object(CAST(? AS text), "
                + "CAST(? AS text)))", DEFAULT_ORDER), "app", "app-" + (7 % deployments)});
        statements.put("field status.phase", new Object[] {statement(" AND r.phase = ?", DEFAULT_ORDER),
                "Pending"});
        statements.put("fuzzy name", new Object[] {statement(" AND r.name ILIKE ?", DEFAULT_ORDER), "%app-" + (7 % deployments)
                + "-%"});
        statements.put("owner (deployment→pods)", new Object[] {statement(" AND r.cluster = ? AND r.namespace = ? AND "
                + "(r.cluster, r.owner_uid) IN (SELECT o1.cluster, o1.uid FROM search_resources o1 WHERE (o1.cluster, "
                + "o1.owner_uid) IN (SELECT o0.cluster, o0.uid FROM search_resources o0 WHERE o0.name = ? AND "
                + "o0.api_group = ? AND o0.resource = ? AND o0.cluster = ? AND o0.namespace = ?))", DEFAULT_ORDER),
                SearchBenchData.cluster(13 % o.clusters()), "ns-" + (7 % deployments % SearchBenchData.NAMESPACES),
                "app-" + (7 % deployments), "apps", "deployments", SearchBenchData.cluster(13 % o.clusters()),
                "ns-" + (7 % deployments % SearchBenchData.NAMESPACES)});
        List<String> key = deepKey(db, Math.min(2000, o.clusters() * o.pods() / 2));
        statements.put("ordered deep page", new Object[] {statement(" AND (name, cluster, namespace) < (CAST(? AS text), "
                + "CAST(? AS text), CAST(? AS text))", " ORDER BY name DESC, cluster DESC, namespace DESC"),
                key.get(0), key.get(1), key.get(2)});
        System.out.println("\nfloor at concurrency 1 (median of 50 runs): SQL over JDBC | JSON list assembly | sum; "
                + "the plan's index");
        KubernetesSerialization fabric8 = new KubernetesSerialization();
        for (Map.Entry<String, Object[]> e : statements.entrySet()) {
            String sql = (String) e.getValue()[0];
            Object[] params = Arrays.copyOfRange(e.getValue(), 1, e.getValue().length);
            List<String> rows = new ArrayList<>();
            long[] sqlTimes = new long[50];
            for (int i = 0; i < sqlTimes.length; i++) {
                long t = System.nanoTime();
                rows = query(db, sql, params);
                sqlTimes[i] = System.nanoTime() - t;
            }
            long[] jsonTimes = new long[50];
            for (int i = 0; i < jsonTimes.length; i++) {
                long t = System.nanoTime();
                StringBuilder b = new StringBuilder(128 + rows.size() * 2048).append("{\"apiVersion\":\"v1\",\"kind\":"
                        + "\"PodList\",\"metadata\":{\"resourceVersion\":\"\"},\"items\":[");
                for (int j = 0; j < Math.min(100, rows.size()); j++) {
                    b.append(j == 0 ? "" : ",").append(rows.get(j));
                }
                byte[] body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                jsonTimes[i] = System.nanoTime() - t + (body.length == 0 ? 1 : 0);
            }
            double parsed = Double.MAX_VALUE;
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                for (String row : rows) {
                    fabric8.asJson(fabric8.unmarshal(row, Pod.class));
                }
                parsed = Math.min(parsed, (System.nanoTime() - t) / 1e6);
            }
            Arrays.sort(sqlTimes);
            Arrays.sort(jsonTimes);
            double s = sqlTimes[25] / 1e6;
            double j = jsonTimes[25] / 1e6;
            System.out.printf("  %-26s rows %3d  SQL %6.2f ms | JSON %5.2f ms | floor %6.2f ms  (parsing into fabric8 "
                    + "Pods and writing them again would add %.1f ms)  %s%n", e.getKey(), rows.size(), s, j, s + j, parsed, index(db, sql, params));
        }
    }

    private static void fanout(Options o, SearchBenchLoad load) throws Exception {
        System.out.printf("%nfan-out: %d sandbox clusters × %d pods in this process (starting...)%n", o.fanoutClusters(),
                o.fanoutPods());
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<SandboxCluster> clusters = new ArrayList<>();
        try (SandboxRuntime runtime = new SandboxRuntime()) {
            for (int i = 0; i < o.fanoutClusters(); i++) {
                clusters.add(SandboxCluster.start(new SandboxSpec("fan-" + i, 5, o.fanoutPods(), i), 0, runtime,
                        SimulatorSettings.defaults()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, clusters.size()));
            long[] fan = new long[10];
            for (int it = 0; it < fan.length + 2; it++) {
                long t = System.nanoTime();
                List<Future<List<String[]>>> parts = new ArrayList<>();
                for (SandboxCluster c : clusters) {
                    parts.add(pool.submit(() -> {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(c.serverUrl()
                                + "/api/v1/pods")).header("Authorization", "Bearer " + c.token()).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        List<String[]> items = new ArrayList<>();
                        for (JsonNode item : json.readTree(r.body()).path("items")) {
                            items.add(new String[] {item.path("metadata").path("name").asText(), c.name(),
                                    item.toString()});
                        }
                        return items;
                    }));
                }
                List<String[]> merged = new ArrayList<>();
                for (Future<List<String[]>> f : parts) {
                    merged.addAll(f.get());
                }
                merged.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
                int page = Math.min(100, merged.size());
                if (it >= 2) {
                    fan[it - 2] = System.nanoTime() - t + page * 0L;
                }
            }
            pool.shutdown();
            Arrays.sort(fan);
            long[] indexed = new long[20];
            long[] indexedSame = new long[20];
            StringBuilder same = new StringBuilder();
            for (int i = 0; i < o.fanoutClusters() && i < o.clusters(); i++) {
                same.append(i == 0 ? "" : ",").append(SearchBenchData.cluster(i));
            }
            for (int i = 0; i < indexed.length; i++) {
                long t = System.nanoTime();
                load.get(R + "/api/v1/pods?orderby=name&limit=100");
                indexed[i] = System.nanoTime() - t;
                t = System.nanoTime();
                load.get(R + "/api/v1/pods?orderby=name&limit=100&clusters=" + enc(same.toString()));
                indexedSame[i] = System.nanoTime() - t;
            }
            Arrays.sort(indexed);
            Arrays.sort(indexedSame);
            double f = fan[fan.length / 2] / 1e6;
            double x = indexed[indexed.length / 2] / 1e6;
            double y = indexedSame[indexedSame.length / 2] / 1e6;
            System.out.printf("  first 100 pods by name: fan-out LIST+merge over %d clusters p50 %.1f ms; indexed over "
                    + "%d clusters p50 %.1f ms (%.0f× faster); indexed over the same %d clusters p50 %.1f ms (%.0f×)%n",
                    o.fanoutClusters(), f, o.clusters(), x, f / x, o.fanoutClusters(), y, f / y);
            clusters.forEach(SandboxCluster::close);
            clusters.clear();
        } finally {
            clusters.forEach(SandboxCluster::close);
        }
    }

    private static List<String> query(Connection db, String sql, Object[] params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(8));
                }
            }
            return rows;
        }
    }

    /** The index names in the statement's plan. */
    private static String index(Connection db, String sql, Object[] params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> used = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    int on = line.indexOf(" on search_resources");
                    int idx = line.indexOf("Index");
                    if (idx >= 0) {
                        String[] words = line.substring(idx).split(" ");
                        for (int w = 0; w < words.length - 1; w++) {
                            if (words[w].equals("using") || words[w].equals("on") && words[w + 1].startsWith("search_resources_")) {
                                used.add(words[w + 1]);
                            }
                        }
                    } else if (line.contains("Seq Scan") && on >= 0) {
                        used.add("SEQ SCAN");
                    }
                }
            }
            return "[" + String.join(", ", used.stream().distinct().toList()) + "]";
        }
    }

    private static List<String> deepKey(Connection db, int offset) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT name, cluster, namespace FROM search_resources "
                + "WHERE api_group = '' AND resource = 'pods' ORDER BY name DESC, cluster DESC, namespace DESC "
                + "OFFSET ? LIMIT 1")) {
            s.setInt(1, offset);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String accessKey(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accesskeys"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"search-bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("cannot create an access key: " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).get("secret").asText();
    }

    private static void awaitHealthy(String base, Process server, Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see " + dir.resolve("server.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy; see " + dir.resolve("server.log"));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("""
                        Usage: bench/run SearchLatencyBench [options]
                          --clusters N             clusters in the index (default 100)
                          --pods N                 pods per cluster (default 1000); plus 2 workload rows per
                                                   --pods-per-deployment pods and 20 nodes per cluster
                          --pods-per-deployment N  pods of each Deployment/ReplicaSet (default 10)
                          --seconds N              measured seconds per concurrency level (default 15; 3 s warm-up)
                          --concurrency LIST       concurrency levels (default 1,16,64)
                          --fanout-clusters N      sandbox clusters for the fan-out comparison (default 20; 0 = skip)
                          --fanout-pods N          pods per sandbox cluster (default: --pods)
                          --jar PATH               server jar (default flotilla-server/target/flotilla-server.jar)
                          --fixed-cost-seconds N   measured seconds per level of the fixed-cost probe: an
                                                   authenticated request without search, and /healthz
                                                   (default 5; 0 = skip)
                          --server-java-opts OPTS  extra JVM options of the server, space-separated
                          --warmup-seconds N       the mix at concurrency 16 before the first level (default 20)
                          --cache on|off|both      each level with the server's search cache (repeated queries
                                                   answered from memory), with Cache-Control: no-cache (every
                                                   request reads PostgreSQL), or both (default)
                                                   (e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr)
                          --db-url URL --db-user U --db-password P
                                                   an external PostgreSQL instead of the embedded one
                        Prints the query mix, req/s and p50/p99 per level and query, the floor (SQL alone over
                        JDBC, JSON assembly alone) with each statement's index, and the fan-out comparison.""");
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; see --help");
            }
            a.put(args[i], args[++i]);
        }
        int pods = Integer.parseInt(a.getOrDefault("--pods", "1000"));
        return new Options(Integer.parseInt(a.getOrDefault("--clusters", "100")), pods,
                Integer.parseInt(a.getOrDefault("--pods-per-deployment", "10")),
                Integer.parseInt(a.getOrDefault("--seconds", "15")),
                Arrays.stream(a.getOrDefault("--concurrency", "1,16,64").split(",")).map(String::strip)
                        .map(Integer::parseInt).toList(),
                Integer.parseInt(a.getOrDefault("--fanout-clusters", "20")),
                Integer.parseInt(a.getOrDefault("--fanout-pods", String.valueOf(pods))),
                new File(a.getOrDefault("--jar", "flotilla-server/target/flotilla-server.jar")).getAbsolutePath(),
                a.get("--db-url"), a.getOrDefault("--db-user", "postgres"), a.getOrDefault("--db-password", ""),
                Integer.parseInt(a.getOrDefault("--fixed-cost-seconds", "5")),
                a.getOrDefault("--server-java-opts", "").isBlank() ? List.of()
                        : List.of(a.get("--server-java-opts").strip().split("\\s+")),
                cache(a.getOrDefault("--cache", "both")), Integer.parseInt(a.getOrDefault("--warmup-seconds", "20")));
    }
}
