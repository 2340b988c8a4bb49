package io.flotilla.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxRuntime;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.sim.SimulatorSettings;
import io.flotilla.sandbox.store.StoredObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search sync ingest benchmark: starts N sandbox clusters in this process, starts the server jar as a child
 * process, registers the clusters and measures (1) the initial sync (time, objects/s), (2) server heap per
 * synced object after a full GC, (3) PostgreSQL bytes per object, (4) steady watch ingest: pods are changed
 * in the sandboxes at fixed rates and the lag from change to row is sampled. Run {@code bench/run
 * SyncIngestBench --help}.
 */
public final class SyncIngestBench {

    private static final String PASSWORD = "bench-admin-password-1";
    private static final String SEQ = "bench.flotilla.io/seq";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ResourceType> SYNCED = List.of(ResourceCatalog.PODS, ResourceCatalog.NODES,
            ResourceCatalog.NAMESPACES, ResourceCatalog.SERVICES, ResourceCatalog.ENDPOINTS, ResourceCatalog.CONFIGMAPS,
            ResourceCatalog.SECRETS, ResourceCatalog.PVCS, ResourceCatalog.PVS, ResourceCatalog.EVENTS,
            ResourceCatalog.DEPLOYMENTS, ResourceCatalog.STATEFUL_SETS, ResourceCatalog.DAEMON_SETS,
            ResourceCatalog.REPLICA_SETS, ResourceCatalog.INGRESSES, ResourceCatalog.STORAGE_CLASSES,
            ResourceCatalog.JOBS, ResourceCatalog.CRON_JOBS, ResourceCatalog.HPAS);

    private record Options(int clusters, int pods, int nodes, List<Integer> rates, int phaseSeconds, String serverHeap,
            List<String> serverArgs, String jar) {}

    private record PodKey(int cluster, String namespace, String name) {}

    private record Change(PodKey key, long seq, long nanos) {}

    private SyncIngestBench() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (o == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "scale: %d clusters x %d pods (%d nodes each)%n", o.clusters(), o.pods(),
                o.nodes());
        SandboxRuntime runtime = new SandboxRuntime(2);
        List<SandboxCluster> clusters = Collections.synchronizedList(new ArrayList<>());
        Process server = null;
        Path data = null;
        try {
            long seedStart = System.nanoTime();
            startClusters(o, runtime, clusters);
            long expected = 0;
            for (SandboxCluster c : clusters) {
                for (ResourceType t : SYNCED) {
                    expected += c.store().count(t);
                }
            }
            System.out.printf(Locale.ROOT, "sandboxes seeded in %.1f s: %,d objects of the synced types%n",
                    seconds(seedStart), expected);

            int httpPort = freePort();
            int pgPort = freePort();
            data = Files.createTempDirectory("flotilla-sync-bench-");
            server = startServer(o, httpPort, pgPort, data);
            String base = "http://127.0.0.1:" + httpPort;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            awaitHealthy(http, base, server);
            long baselineHeap = heapAfterGc(server.pid());
            System.out.printf(Locale.ROOT, "server up (pid %d), heap after GC with no clusters: %.1f MB%n",
                    server.pid(), baselineHeap / 1e6);

            long syncStart = System.nanoTime();
            register(http, base, clusters);
            long rows = awaitSynced(http, base, clusters.size(), syncStart);
            double syncSeconds = seconds(syncStart);
            long heap = heapAfterGc(server.pid());
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                    "postgres", "postgres")) {
                long dbRows = single(db, "SELECT count(*) FROM search_resources");
                long total = single(db, "SELECT pg_total_relation_size('search_resources')");
                long table = single(db, "SELECT pg_relation_size('search_resources')");
                System.out.println();
                System.out.println("| metric | value |");
                System.out.println("|---|---|");
                System.out.printf(Locale.ROOT, "| objects in the sandboxes (synced types) | %,d |%n", expected);
                System.out.printf(Locale.ROOT, "| rows in search_resources | %,d |%n", dbRows);
                System.out.printf(Locale.ROOT, "| initial sync (register → all Synced) | %.1f s |%n", syncSeconds);
                System.out.printf(Locale.ROOT, "| initial sync rate | %,.0f objects/s |%n", rows / syncSeconds);
                System.out.printf(Locale.ROOT, "| server heap per synced object (after full GC) | %.0f bytes |%n",
                        (heap - baselineHeap) / (double) Math.max(1, dbRows));
                System.out.printf(Locale.ROOT, "| PostgreSQL bytes per object (table+TOAST+indexes) | %,.0f |%n",
                        total / (double) Math.max(1, dbRows));
                System.out.printf(Locale.ROOT, "| PostgreSQL bytes per object (main table only) | %,.0f |%n",
                        table / (double) Math.max(1, dbRows));
                System.out.println();
                compare(clusters, db);
                System.out.println();
                steady(o, clusters, db, server);
            }
        } finally {
            if (server != null) {
                ServerStop.stop(server, data);
            }
            clusters.forEach(SandboxCluster::close);
            runtime.close();
        }
    }

    // ------------------------------------------------------------------ phases

    private static void startClusters(Options o, SandboxRuntime runtime, List<SandboxCluster> into) throws Exception {
        SimulatorSettings settings = new SimulatorSettings(Duration.ofMinutes(10), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(30), false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < o.clusters(); i++) {
            String name = String.format(Locale.ROOT, "bench-%03d", i);
            long seed = i;
            started.add(pool.submit(() -> into.add(SandboxCluster.start(new SandboxSpec(name, o.nodes(), o.pods(),
                    seed), 0, runtime, settings))));
        }
        for (Future<?> f : started) {
            f.get();
        }
        pool.shutdown();
        into.sort((a, b) -> a.name().compareTo(b.name()));
    }

    private static Process startServer(Options o, int httpPort, int pgPort, Path data) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + o.serverHeap(), "-jar", o.jar(), "--server.port=" + httpPort,
                "--flotilla.data-dir=" + data, "--flotilla.database.port=" + pgPort,
                "--logging.level.io.flotilla=warn"));
        command.addAll(o.serverArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("FLOTILLA_ADMIN_PASSWORD", PASSWORD);
        System.out.println("server: " + String.join(" ", command) + " (log " + data.resolve("server.log") + ")");
        return builder.start();
    }

    private static void register(HttpClient http, String base, List<SandboxCluster> clusters) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (SandboxCluster c : clusters) {
            done.add(pool.submit(() -> {
                ObjectNode body = JSON.createObjectNode().put("name", c.name()).put("kubeconfig", c.kubeconfig());
                HttpResponse<String> r = send(http, request(base + "/api/v1/clusters")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .header("Content-Type", "application/json").build());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("registering " + c.name() + ": " + r.statusCode() + " " + r.body());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Polls the status API until every cluster is Synced; returns the objects it reports. */
    private static long awaitSynced(HttpClient http, String base, int clusters, long start) throws Exception {
        long lastPrint = 0;
        while (true) {
            int synced = 0;
            long objects = 0;
            long listed = 0;
            String token = null;
            do {
                String url = base + "/api/v1/search/status?limit=500" + (token == null ? "" : "&continue=" + token);
                JsonNode page = JSON.readTree(send(http, request(url).GET().build()).body());
                for (JsonNode s : page.path("items")) {
                    if (s.path("phase").asText().equals("Synced")) {
                        synced++;
                    }
                    objects += s.path("objects").asLong();
                    listed += s.path("progress").path("objectsListed").asLong();
                }
                token = page.path("continue").isTextual() ? page.path("continue").asText() : null;
            } while (token != null);
            if (synced == clusters) {
                return objects;
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf(Locale.ROOT, "  %.0f s: %d/%d clusters synced, %,d objects listed, %,d in the index%n",
                        seconds(start), synced, clusters, listed, objects);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    /** Changes pods at fixed rates and samples change-to-row lag; stops after the first rate whose p99 > 5 s. */
    /** CPU seconds of a process and its descendants (the embedded PostgreSQL is detached: not included). */
    private static double cpuSeconds(ProcessHandle p) {
        double own = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        return own + p.descendants().mapToDouble(c -> c.info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
                .orElse(0.0)).sum();
    }

    private static void steady(Options o, List<SandboxCluster> clusters, Connection db, Process server)
            throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<String> cpu = new ArrayList<>();
        List<PodKey> pods = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (StoredObject p : clusters.get(i).store().list(ResourceCatalog.PODS, null)) {
                pods.add(new PodKey(i, p.namespace(), p.name()));
            }
        }
        Collections.shuffle(pods, new java.util.Random(1));
        System.out.println("| target changes/s | achieved changes/s | lag p50 | lag p99 | lag max | samples |");
        System.out.println("|---|---|---|---|---|---|");
        long seq = 0;
        int next = 0;
        for (int rate : o.rates()) {
            AtomicReference<Change> last = new AtomicReference<>();
            List<Long> lags = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.phaseSeconds());
            Thread sampler = Thread.ofPlatform().name("lag-sampler").start(() -> sample(clusters, db, last, lags, end));
            long start = System.nanoTime();
            long driverCpu0 = threads.getCurrentThreadCpuTime();
            double benchCpu0 = cpuSeconds(ProcessHandle.current());
            double serverCpu0 = cpuSeconds(server.toHandle());
            long applied = 0;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                int burst = 0;
                while (applied < due && burst < 2000) {
                    PodKey key = pods.get(next++ % pods.size());
                    long s = ++seq;
                    clusters.get(key.cluster()).store().mutate(ResourceCatalog.PODS, key.namespace(), key.name(),
                            pod -> {
                                ObjectNode meta = (ObjectNode) pod.get("metadata");
                                JsonNode annotations = meta.get("annotations");
                                ObjectNode a = annotations instanceof ObjectNode n ? n : meta.putObject("annotations");
                                a.put(SEQ, Long.toString(s));
                                return pod;
                            });
                    last.set(new Change(key, s, System.nanoTime()));
                    applied++;
                    burst++;
                }
                Thread.sleep(5);
            }
            double wall = seconds(start);
            double achieved = applied / wall;
            cpu.add(String.format(Locale.ROOT, "| %,d | %.0f%% | %.1f µs | %.0f%% | %.0f%% |", rate,
                    (threads.getCurrentThreadCpuTime() - driverCpu0) / 1e9 / wall * 100,
                    (threads.getCurrentThreadCpuTime() - driverCpu0) / 1e3 / Math.max(1, applied),
                    (cpuSeconds(ProcessHandle.current()) - benchCpu0) / wall * 100,
                    (cpuSeconds(server.toHandle()) - serverCpu0) / wall * 100));
            sampler.join();
            List<Long> sorted = new ArrayList<>(lags);
            Collections.sort(sorted);
            long p50 = percentile(sorted, 0.50);
            long p99 = percentile(sorted, 0.99);
            System.out.printf(Locale.ROOT, "| %,d | %,.0f | %d ms | %d ms | %d ms | %d |%n", rate, achieved, p50, p99,
                    sorted.isEmpty() ? -1 : sorted.getLast(), sorted.size());
            if (p99 > 5000 || sorted.isEmpty()) {
                break;
            }
        }
        System.out.printf("%nCPU during each rate (100%% = one core; %d cores): the driver thread that changes pods, "
                + "this process (driver + sandboxes' API servers and watches), the server JVM (its embedded PostgreSQL "
                + "runs detached and is not counted)%n",
                Runtime.getRuntime().availableProcessors());
        System.out.println("| target changes/s | driver thread | driver CPU per change | bench process | server JVM |");
        System.out.println("|---|---|---|---|---|");
        cpu.forEach(System.out::println);
    }

    private static void sample(List<SandboxCluster> clusters, Connection db, AtomicReference<Change> last,
            List<Long> lags, long end) {
        String sql = "SELECT object->'metadata'->'annotations'->>'" + SEQ + "' FROM search_resources WHERE cluster = ? "
                + "AND api_group = '' AND resource = 'pods' AND namespace = ? AND name = ?";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            while (System.nanoTime() < end) {
                Change c = last.get();
                if (c == null) {
                    Thread.sleep(50);
                    continue;
                }
                long deadline = c.nanos() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    ps.setString(1, clusters.get(c.key().cluster()).name());
                    ps.setString(2, c.key().namespace());
                    ps.setString(3, c.key().name());
                    String seen = null;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            seen = rs.getString(1);
                        }
                    }
                    if (seen != null && Long.parseLong(seen) >= c.seq()) {
                        lags.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.nanos()));
                        break;
                    }
                    Thread.sleep(10);
                }
                Thread.sleep(200);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("lag sampling failed", e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static long heapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read heap use from jcmd GC.heap_info: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void awaitHealthy(HttpClient http, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy within 3 minutes");
    }

    private static HttpRequest.Builder request(String url) {
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + auth)
                .timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Index rows against the sandboxes' objects now, per cluster and type (objects made after seeding, such
     * as events, count): every difference is printed, so "no duplicates, no lost objects" is checked, not assumed.
     */
    private static void compare(List<SandboxCluster> clusters, Connection db) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT cluster, api_group, resource, count(*) FROM search_resources GROUP BY 1, 2, 3");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1) + " " + rs.getString(2) + "/" + rs.getString(3), rs.getLong(4));
            }
        }
        long objects = 0;
        long indexed = 0;
        List<String> differences = new ArrayList<>();
        for (SandboxCluster c : clusters) {
            for (ResourceType t : SYNCED) {
                long inCluster = c.store().count(t);
                long inIndex = rows.getOrDefault(c.name() + " " + t.group() + "/" + t.plural(), 0L);
                objects += inCluster;
                indexed += inIndex;
                if (inCluster != inIndex) {
                    differences.add(c.name() + " " + t.group() + "/" + t.plural() + ": " + inCluster + " in the cluster, "
                            + inIndex + " in the index");
                }
            }
        }
        System.out.printf(Locale.ROOT, "index vs sandboxes after the initial sync, per cluster and type: %,d objects, "
                + "%,d rows, %d differences%s%n", objects, indexed, differences.size(),
                differences.isEmpty() ? "" : " (first ones: " + String.join("; ", differences.subList(0,
                        Math.min(5, differences.size()))) + ")");
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Options parse(String[] args) {
        int clusters = 100;
        int pods = 10_000;
        int nodes = 10;
        List<Integer> rates = List.of(2_000, 5_000, 10_000, 20_000);
        int phase = 20;
        String heap = "4g";
        List<String> serverArgs = new ArrayList<>();
        String jar = "flotilla-server/target/flotilla-server.jar";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: bench/run SyncIngestBench [options]

                            Starts sandbox clusters in this process and the server jar as a child process (embedded
                            PostgreSQL in a fresh data directory), registers the clusters and measures the initial
                            sync, heap and PostgreSQL bytes per object, and steady watch ingest with change-to-row lag.

                              --clusters N        sandbox clusters (default 100)
                              --pods N            workload pods per cluster (default 10000; ~1.3 objects per pod
                                                  of the synced types, plus events)
                              --nodes N           nodes per cluster (default 10)
                              --rates A,B,...     steady pod changes per second to try, in order (default
                                                  2000,5000,10000,20000); stops after the first with p99 lag > 5 s
                              --phase-seconds N   seconds per rate (default 20)
                              --server-heap SIZE  -Xmx of the server (default 4g)
                              --server-arg ARG    extra server argument, repeatable
                                                  (e.g. --server-arg --flotilla.search.writers=4)
                              --jar PATH          server jar (default flotilla-server/target/flotilla-server.jar)
                            """);
                    return null;
                }
                case "--clusters" -> clusters = Integer.parseInt(args[++i]);
                case "--pods" -> pods = Integer.parseInt(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).map(String::trim)
                        .map(Integer::parseInt).toList();
                case "--phase-seconds" -> phase = Integer.parseInt(args[++i]);
                case "--server-heap" -> heap = args[++i];
                case "--server-arg" -> serverArgs.add(args[++i]);
                case "--jar" -> jar = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + a + "; see --help");
            }
        }
        return new Options(clusters, pods, nodes, rates, phase, heap, serverArgs, jar);
    }
}
