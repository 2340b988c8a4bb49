package io.flotilla.bench;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end inspection of a sandbox cluster: starts a sandbox with N pods in-process and the server
 * jar as a separate process, registers the cluster, runs one inspection over HTTP and prints how long
 * reading the cluster, evaluating and the whole run took (from the run's own timings).
 */
public final class InspectionRunBench {

    private static final String PASSWORD = "bench-admin-password-1";

    private InspectionRunBench() {}

    public static void main(String[] args) throws Exception {
        int pods = 10_000;
        int nodes = 100;
        String source = "cluster";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-h", "--help" -> {
                    System.out.println("""
                            Usage: bench/run InspectionRunBench [--pods N] [--nodes N] [--source cluster|index]

                            Starts a sandbox cluster with N pods (default 10000) on --nodes nodes (default 100),
                            starts flotilla-server/target/flotilla-server.jar on a free port with a fresh data
                            directory, registers the sandbox, runs one inspection and prints the run's timings:
                            snapshot (listing every kind over the Kubernetes API), evaluation, and total.
                            --source index first waits until the search index has the sandbox Synced, so the
                            run reads the kinds the index holds from it (default: cluster, the run starts at
                            once, before the index has synced).""");
                    return;
                }
                case "--pods" -> pods = Integer.parseInt(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--source" -> source = args[++i];
                default -> {
                    System.err.println("unknown option " + args[i] + " (see --help)");
                    System.exit(2);
                }
            }
        }
        Path dataDir = Files.createTempDirectory("flotilla-inspection-bench-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        try (SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec("bench-insp", nodes, pods, 7))) {
            sandbox.awaitSettled(Duration.ofMinutes(10));
            System.out.printf("sandbox with %d pods ready in %d s%n", sandbox.podCount(), (System.nanoTime() - t0) / 1_000_000_000);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "flotilla-server/target/flotilla-server.jar", "--server.port=" + port,
                    "--flotilla.data-dir=" + dataDir).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server.log").toFile());
            pb.environment().put("FLOTILLA_ADMIN_PASSWORD", PASSWORD);
            Process server = pb.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + port;
                await(() -> get(http, base + "/healthz") == 200, Duration.ofMinutes(2));
                String body = "{\"name\":\"bench-insp\",\"kubeconfig\":" + quote(sandbox.kubeconfig()) + "}";
                send(http, "POST", base + "/api/v1/clusters", body);
                if (source.equals("index")) {
                    long syncing = System.nanoTime();
                    await(() -> "Synced".equals(field(sendQuietly(http, base + "/api/v1/search/status/bench-insp"),
                            "phase")), Duration.ofMinutes(10));
                    System.out.printf("search index Synced in %d s%n", (System.nanoTime() - syncing) / 1_000_000_000);
                }
                long started = System.nanoTime();
                String run = send(http, "POST", base + "/api/v1/inspections/clusters/bench-insp/runs", "{}");
                String id = field(run, "id");
                String status;
                String current;
                do {
                    Thread.sleep(200);
                    current = send(http, "GET", base + "/api/v1/inspections/runs/" + id, null);
                    status = field(current, "status");
                } while (!status.equals("Succeeded") && !status.equals("Failed"));
                long wall = (System.nanoTime() - started) / 1_000_000;
                System.out.println("run " + status + ": " + current);
                System.out.printf("InspectionRunBench: %d pods, source %s, wall %d ms (snapshot %s ms, evaluation %s ms, "
                                + "%s objects, %s findings)%n", pods, field(current, "snapshotSource"), wall,
                        number(current, "snapshotMillis"),
                        number(current, "evaluationMillis"), number(current, "objects"), number(current, "findings"));
            } finally {
                ServerStop.stop(server, dataDir);
            }
        }
    }

    private static int get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String sendQuietly(HttpClient http, String url) {
        try {
            return send(http, "GET", url, null);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String send(HttpClient http, String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        b = body == null ? b.GET() : b.header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void await(java.util.function.BooleanSupplier ok, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not ready in " + max);
            }
            Thread.sleep(250);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+|null)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
