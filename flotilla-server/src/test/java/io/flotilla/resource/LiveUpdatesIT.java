package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Server-side paging of the workload list and live changes over server-sent events, against a sandbox cluster. */
class LiveUpdatesIT extends ServerTestBase {

    private static SandboxCluster sandbox;
    private static final String CLUSTER = "live-it";

    private String ns;
    private String base;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 1, 0, 3));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void registerAndCreateNamespace() {
        if (api.get("/api/v1/clusters/" + CLUSTER).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", CLUSTER, "kubeconfig", sandbox.kubeconfig()))
                    .status()).isEqualTo(201);
        }
        ns = "live-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/api/v1/clusters/" + CLUSTER;
        Api.Response r = apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Response apply(String yaml) {
        return api.postRaw(base + "/apply?namespace=" + ns, "application/yaml", yaml);
    }

    private static String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers: [{name: web, image: nginx:1.25}]
                """.formatted(name, replicas, name, name);
    }

    @Test
    void workloadListPagesSortedByNameWithANameFilterAndContinueTokens() {
        for (String name : List.of("web-c", "web-a", "db-1", "web-b", "web-d")) {
            assertThat(apply(deployment(name, 0)).status()).isEqualTo(200);
        }
        String list = base + "/workloads?namespace=" + ns + "&kind=deployments&name=WEB&limit=2";
        JsonNode first = api.get(list).json();
        assertThat(names(first)).containsExactly("web-a", "web-b");
        String token = first.get("continueToken").asString();
        JsonNode second = api.get(list + "&continue=" + token).json();
        assertThat(names(second)).containsExactly("web-c", "web-d");
        // the second page ends the list exactly: no token, no empty third page
        assertThat(second.path("continueToken").isMissingNode() || second.get("continueToken").isNull()).isTrue();

        Api.Response bad = api.get(list + "&continue=not-a-token");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(api.get(base + "/workloads?namespace=" + ns + "&limit=0").status()).isEqualTo(400);
        // without limit the list stays an unpaged array (older clients)
        assertThat(api.get(base + "/workloads?namespace=" + ns).json().isArray()).isTrue();
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("name").asString()));
        return out;
    }

    @Test
    void scalingADeploymentAppearsOnTheWorkloadStreamWithItsRow() throws Exception {
        assertThat(apply(deployment("scaled", 1)).status()).isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (Stream<String> s = api.lines(base + "/workloads/watch?namespace=" + ns + "&kind=deployments")) {
                Iterator<String> it = s.iterator();
                while (it.hasNext()) {
                    lines.add(it.next());
                }
            }
        });
        try {
            awaitLine(lines, "event:open");
            assertThat(api.post(base + "/namespaces/" + ns + "/workloads/deployments/scaled/scale",
                    Map.of("replicas", 3)).status()).isEqualTo(200);
            String data = awaitLine(lines, "\"desired\":3");
            assertThat(data).startsWith("data:").contains("\"type\":\"MODIFIED\"").contains("\"name\":\"scaled\"")
                    .contains("\"row\":");
        } finally {
            reader.cancel(true);
        }
    }

    @Test
    void aNewPodAppearsOnThePodStreamFromTheListsResourceVersion() throws Exception {
        String rv = api.get(base + "/namespaces/" + ns + "/resources/pods").json().get("metadata")
                .get("resourceVersion").asString();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (Stream<String> s = api.lines(base + "/namespaces/" + ns + "/watch/pods?resourceVersion=" + rv)) {
                Iterator<String> it = s.iterator();
                while (it.hasNext()) {
                    lines.add(it.next());
                }
            }
        });
        try {
            awaitLine(lines, "event:open");
            assertThat(apply(deployment("podded", 1)).status()).isEqualTo(200);
            String added = awaitLine(lines, "\"type\":\"ADDED\"");
            assertThat(added).contains("\"kind\":\"Pod\"").contains("podded-");
        } finally {
            reader.cancel(true);
        }
    }

    @Test
    void aUserWithoutListRightsGetsForbiddenProblemJson() {
        Api nobody = new IamFixtures(api).user(IamFixtures.unique("nobody"));
        for (String path : List.of(base + "/namespaces/" + ns + "/watch/pods", base + "/watch/pods",
                base + "/workloads/watch?namespace=" + ns)) {
            Api.Response r = nobody.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.contentType()).as(path).contains("application/problem+json");
            assertThat(r.body()).contains("may not list");
        }
    }

    @Test
    void aDryRunCarriesTheLiveObjectAndTheResultForTheDiffButNeverForSecrets() {
        assertThat(apply(deployment("diffed", 1)).status()).isEqualTo(200);
        Api.Response dry = api.postRaw(base + "/apply?dryRun=true&namespace=" + ns, "application/yaml",
                deployment("diffed", 4) + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: pw}\n"
                        + "stringData: {password: hunter2}\n");
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode doc = dry.json().get("documents").get(0);
        assertThat(doc.get("live").get("spec").get("replicas").asInt()).isEqualTo(1);
        assertThat(doc.get("result").get("spec").get("replicas").asInt()).isEqualTo(4);
        assertThat(doc.get("result").has("status")).isFalse();
        assertThat(doc.get("result").get("metadata").has("managedFields")).isFalse();
        JsonNode secret = dry.json().get("documents").get(1);
        assertThat(secret.path("live").isMissingNode() || secret.get("live").isNull()).isTrue();
        assertThat(secret.path("result").isMissingNode() || secret.get("result").isNull()).isTrue();
        assertThat(dry.body()).doesNotContain("hunter2");
        Api.Response real = apply(deployment("diffed", 2));
        JsonNode applied = real.json().get("documents").get(0);
        assertThat(applied.path("result").isMissingNode() || applied.get("result").isNull()).isTrue();
    }

    private static String awaitLine(BlockingQueue<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.replace(": ", ":").contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("no line containing " + fragment + " within 30 s");
    }
}
