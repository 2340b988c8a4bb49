package io.flotilla.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Time from navigation to the first rows of the console's pod list, and per further page while
 * scrolling, with one big sandbox cluster: the sandbox in this process, the server as a separate
 * process (flotilla-server/target/flotilla-server.jar), Debian Chromium driven by Playwright.
 * Also the bare API call the page makes (one page of 200 pods of every namespace).
 */
public final class ConsolePodListBench {

    private static final String PASSWORD = "bench-admin-password-1";

    private ConsolePodListBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        if (opts.containsKey("help")) {
            System.out.println("Usage: bench/run ConsolePodListBench [--pods 20000] [--nodes 100] [--runs 5] [--port 18471] [--jar PATH]");
            System.out.println("Waits until the search index has synced the cluster, then times one page of 200 pods");
            System.out.println("straight from the sandbox, through the API from the cluster and from the index, and the");
            System.out.println("console's pod list in Chromium (navigation to first rows, scrolling to further pages).");
            return;
        }
        int pods = Integer.parseInt(opts.getOrDefault("pods", "20000"));
        int nodes = Integer.parseInt(opts.getOrDefault("nodes", "100"));
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        int port = Integer.parseInt(opts.getOrDefault("port", "18471"));
        String base = "http://127.0.0.1:" + port;
        Path dataDir = Files.createTempDirectory("flotilla-bench-console-");
        long t0 = System.nanoTime();
        try (SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec("bench-pods", nodes, pods, 7))) {
            sandbox.awaitSettled(Duration.ofMinutes(10));
            System.out.printf("sandbox: %d pods on %d nodes ready in %d ms%n", sandbox.podCount(), nodes, ms(t0));
            ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", opts.getOrDefault("jar", "flotilla-server/target/flotilla-server.jar"), "--server.port=" + port,
                    "--flotilla.data-dir=" + dataDir)
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
            launch.environment().put("FLOTILLA_ADMIN_PASSWORD", PASSWORD);
            Process server = launch.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                awaitUp(http, base);
                String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                String body = "{\"name\":\"bench-pods\",\"kubeconfig\":" + quote(sandbox.kubeconfig()) + "}";
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/clusters"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("registering the cluster failed: " + created.body());
                }
                long syncStart = System.nanoTime();
                awaitSynced(http, base, auth);
                System.out.printf("search index: cluster Synced %d ms after registration%n", ms(syncStart));
                List<Long> direct = new ArrayList<>();
                for (int i = 0; i < runs + 1; i++) {
                    long s = System.nanoTime();
                    sandbox.client().pods().inAnyNamespace().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                            .withLimit(200L).build());
                    if (i > 0) {
                        direct.add(ms(s));
                    }
                }
                System.out.printf("sandbox LIST pods?limit=200 straight to the cluster (fabric8): median %d ms (runs %s)%n",
                        median(direct), direct);
                for (String source : List.of("cluster", "auto")) {
                    List<Long> api = new ArrayList<>();
                    String answered = null;
                    for (int i = 0; i < runs + 1; i++) {
                        long s = System.nanoTime();
                        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/clusters/bench-pods/resources/pods?limit=200&source=" + source))
                                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                        if (page.statusCode() != 200) {
                            throw new IllegalStateException(page.body());
                        }
                        answered = page.headers().firstValue("X-Flotilla-List-Source").orElse("?");
                        if (i > 0) {
                            api.add(ms(s));
                        }
                    }
                    System.out.printf("API GET resources/pods?limit=200&source=%s (all namespaces; answered by: %s): "
                            + "median %d ms (runs %s)%n", source, answered, median(api), api);
                }
                browse(base, runs);
            } finally {
                ServerStop.stop(server, dataDir);
            }
        }
    }

    private static void browse(String base, int runs) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setViewportSize(1440, 900)).newPage();
            page.setDefaultTimeout(60_000);
            long load = System.nanoTime();
            page.navigate("/login");
            page.locator("#username").waitFor();
            System.out.printf("login page interactive after %d ms (cold cache)%n", ms(load));
            page.locator("#username").fill("admin");
            page.locator("#password").fill(PASSWORD);
            page.getByTestId("login-submit").click();
            page.waitForURL(base + "/clusters");
            List<Long> first = new ArrayList<>();
            List<Long> scroll = new ArrayList<>();
            for (int i = 0; i < runs + 1; i++) {
                page.navigate("/clusters");
                page.getByTestId("cluster-table").waitFor();
                long s = System.nanoTime();
                page.navigate("/clusters/bench-pods/pods");
                page.getByTestId("pod-row").first().waitFor();
                long firstMs = ms(s);
                for (int p = 0; p < 5; p++) {
                    int rows = count(page);
                    long ss = System.nanoTime();
                    page.evaluate("() => { const el = document.querySelector('[data-testid=pod-list] > div:last-child');"
                            + " el.scrollTop = el.scrollHeight; }");
                    page.waitForFunction("n => document.querySelector('[data-testid=pod-count]').textContent.match(/\\d+/)[0] > n",
                            rows);
                    if (i > 0) {
                        scroll.add(ms(ss));
                    }
                }
                if (i > 0) {
                    first.add(firstMs);
                }
            }
            System.out.printf("pod list, navigation to first rows: median %d ms (runs %s)%n", median(first), first);
            System.out.printf("pod list, scroll to the end to the next 200 rows shown: median %d ms (n=%d)%n",
                    median(scroll), scroll.size());
        }
    }

    private static int count(Page page) {
        String text = (String) page.evaluate("document.querySelector('[data-testid=pod-count]').textContent");
        return Integer.parseInt(text.replaceAll("\\D.*", "").isEmpty() ? "0" : text.replaceAll("^\\D*(\\d+).*$", "$1"));
    }

    /** Waits until the search index reports the cluster Synced (the console's lists are then read from it). */
    private static void awaitSynced(HttpClient http, String base, String auth) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/search/status/bench-pods")).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (status.statusCode() == 200 && status.body().contains("\"phase\":\"Synced\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the search index did not sync the cluster within 15 minutes");
    }

    private static void awaitUp(HttpClient http, String base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start within 5 minutes");
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                opts.put("help", "");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opts.put(args[i].substring(2), args[++i]);
            }
        }
        return opts;
    }
}
