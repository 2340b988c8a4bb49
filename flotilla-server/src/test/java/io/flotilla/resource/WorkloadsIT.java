package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Container management against a sandbox cluster, through the real HTTP API. */
class WorkloadsIT extends ServerTestBase {

    private static SandboxCluster sandbox;
    private static final String CLUSTER = "workloads-it";

    private String ns;
    private String base;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 3, 0, 21));
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
        ns = "wl-" + UUID.randomUUID().toString().substring(0, 8);
        base = "/api/v1/clusters/" + CLUSTER;
        Api.Response r = apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n", null, false);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Response apply(String yaml, String namespace, boolean dryRun) {
        return api.postRaw(base + "/apply?dryRun=" + dryRun + (namespace == null ? "" : "&namespace=" + namespace),
                "application/yaml", yaml);
    }

    private static String deployment(String name, String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels: {app: %s}
                spec:
                  replicas: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                      - name: web
                        image: %s
                        resources:
                          requests: {cpu: 50m, memory: 32Mi}
                """.formatted(name, name, replicas, name, name, image);
    }

    private String workload(String kind, String name) {
        return base + "/namespaces/" + ns + "/workloads/" + kind + "/" + name;
    }

    private JsonNode awaitRunning(String name, int replicas) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode w = api.get(workload("deployments", name)).json();
            assertThat(w.get("state").asString()).isEqualTo("Running");
            assertThat(w.get("ready").asInt()).isEqualTo(replicas);
        });
        return api.get(workload("deployments", name)).json();
    }

    private Set<String> podNames(String name) {
        Set<String> names = new HashSet<>();
        api.get(workload("deployments", name) + "/pods").json().forEach(p -> names.add(p.get("name").asString()));
        return names;
    }

    @Test
    void appliedDeploymentRunsAndReapplyingChangesNothing() {
        Api.Response created = apply(deployment("web", "nginx:1.25", 2), ns, false);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("documents").get(0).get("action").asString()).isEqualTo("created");
        awaitRunning("web", 2);
        JsonNode pods = api.get(workload("deployments", "web") + "/pods").json();
        assertThat(pods).hasSize(2);
        pods.forEach(p -> assertThat(p.get("phase").asString()).isEqualTo("Running"));

        Api.Response again = apply(deployment("web", "nginx:1.25", 2), ns, false);
        assertThat(again.json().get("documents").get(0).get("action").asString()).isEqualTo("unchanged");
    }

    @Test
    void dryRunReportsChangedFieldsAndPersistsNothing() {
        apply(deployment("dry", "nginx:1.25", 1), ns, false);
        Api.Response dry = apply(deployment("dry", "nginx:1.26", 1), ns, true);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        JsonNode doc = dry.json().get("documents").get(0);
        assertThat(doc.get("action").asString()).isEqualTo("configured");
        assertThat(doc.get("changes").toString()).contains("spec.template.spec.containers[0].image");
        assertThat(api.get(workload("deployments", "dry")).json().get("images").get(0).asString())
                .isEqualTo("nginx:1.25");
    }

    @Test
    void scaleUpdateImageRollBackAndRestart() {
        apply(deployment("app", "nginx:1.25", 2), ns, false);
        awaitRunning("app", 2);

        Api.Response scaled = api.post(workload("deployments", "app") + "/scale", Map.of("replicas", 4));
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        awaitRunning("app", 4);
        assertThat(api.post(workload("deployments", "app") + "/scale", Map.of("replicas", 1)).status()).isEqualTo(200);
        awaitRunning("app", 1);

        Api.Response image = api.post(workload("deployments", "app") + "/image", Map.of("image", "nginx:1.26"));
        assertThat(image.status()).as(image.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode revisions = api.get(workload("deployments", "app") + "/revisions").json();
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(0).get("revision").asLong()).isEqualTo(2);
            assertThat(revisions.get(0).get("current").asBoolean()).isTrue();
            assertThat(revisions.get(0).get("images").get(0).asString()).isEqualTo("nginx:1.26");
            JsonNode template = revisions.get(1).get("template");
            assertThat(template.get("spec").get("containers").get(0).get("image").asString())
                    .as("each revision carries its pod template, for the rollback diff").isEqualTo("nginx:1.25");
            assertThat(template.get("metadata").get("labels").has("pod-template-hash")).isFalse();
        });
        awaitRunning("app", 1);

        Api.Response rolledBack = api.post(workload("deployments", "app") + "/rollback", Map.of("revision", 1));
        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.get(workload("deployments", "app")).json().get("images").get(0).asString())
                    .isEqualTo("nginx:1.25");
            JsonNode revisions = api.get(workload("deployments", "app") + "/revisions").json();
            assertThat(revisions.get(0).get("revision").asLong()).as("rollback records a new revision").isEqualTo(3);
            assertThat(revisions.get(0).get("images").get(0).asString()).isEqualTo("nginx:1.25");
        });
        awaitRunning("app", 1);

        Set<String> before = podNames("app");
        assertThat(api.post(workload("deployments", "app") + "/restart", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> after = podNames("app");
            assertThat(after).isNotEmpty().doesNotContainAnyElementsOf(before);
        });
    }

    @Test
    void pausedDeploymentDoesNotRollOutUntilResumed() {
        apply(deployment("paused", "nginx:1.25", 1), ns, false);
        awaitRunning("paused", 1);
        assertThat(api.post(workload("deployments", "paused") + "/pause", Map.of()).status()).isEqualTo(200);
        assertThat(api.post(workload("deployments", "paused") + "/image", Map.of("image", "nginx:1.27")).status())
                .isEqualTo(200);
        assertThat(api.get(workload("deployments", "paused") + "/revisions").json()).hasSize(1);
        assertThat(api.post(workload("deployments", "paused") + "/resume", Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(workload("deployments", "paused") + "/revisions").json()).hasSize(2));
    }

    @Test
    void workloadOperationsRefuseBadInput() {
        apply(deployment("bad", "nginx:1.25", 1), ns, false);
        assertThat(api.post(workload("deployments", "bad") + "/scale", Map.of("replicas", -1)).status()).isEqualTo(400);
        assertThat(api.post(workload("daemonsets", "bad") + "/scale", Map.of("replicas", 1)).status()).isEqualTo(400);
        assertThat(api.post(workload("gadgets", "bad") + "/scale", Map.of("replicas", 1)).status()).isEqualTo(400);
        Api.Response noRevision = api.post(workload("deployments", "bad") + "/rollback", Map.of("revision", 42));
        assertThat(noRevision.status()).isEqualTo(400);
        assertThat(noRevision.json().get("detail").asString()).contains("revision 42 does not exist");
        Api.Response noContainer = api.post(workload("deployments", "bad") + "/image",
                Map.of("container", "nope", "image", "x:1"));
        assertThat(noContainer.status()).isEqualTo(400);
        assertThat(api.get(workload("deployments", "missing")).status()).isEqualTo(404);
    }

    @Test
    void multiDocumentApplyReportsWhatWasAppliedWhenDocumentThreeFails() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: one, namespace: %s}
                data: {a: "1"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: two, namespace: %s}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: three, namespace: does-not-exist-%s}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: four, namespace: %s}
                """.formatted(ns, ns, ns, ns);
        Api.Response r = apply(yaml, null, false);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> actions = r.json().get("documents").valueStream().map(d -> d.get("action").asString()).toList();
        assertThat(actions).containsExactly("created", "created", "failed", "skipped");
        assertThat(api.get(base + "/namespaces/" + ns + "/resources/configmaps/two").status()).isEqualTo(200);
        assertThat(api.get(base + "/namespaces/" + ns + "/resources/configmaps/four").status()).isEqualTo(404);
    }

    @Test
    void invalidDocumentsApplyNothing() {
        String invalidThird = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: first, namespace: %s}
                ---
                apiVersion: v1
                kind: Gadget
                metadata: {name: second, namespace: %s}
                """.formatted(ns, ns);
        Api.Response unknownKind = apply(invalidThird, null, false);
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("errors").get(0).get("field").asString()).isEqualTo("documents[2]");
        assertThat(api.get(base + "/namespaces/" + ns + "/resources/configmaps/first").status()).isEqualTo(404);

        assertThat(apply("kind: [unclosed", ns, false).status()).isEqualTo(400);
        Api.Response noNamespace = apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", null, false);
        assertThat(noNamespace.status()).isEqualTo(400);
        assertThat(noNamespace.json().get("detail").asString()).contains("namespaced");
        Api.Response badName = apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n", ns, false);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("detail").asString()).contains("not a valid name");
    }

    @Test
    void genericApiReplacesWithOptimisticConcurrencyAndDeletes() {
        apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {k: v1}\n", ns, false);
        String path = base + "/namespaces/" + ns + "/resources/configmaps/cfg";
        JsonNode live = api.get(path).json();
        String version = live.get("metadata").get("resourceVersion").asString();

        Map<String, Object> update = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "cfg", "resourceVersion", version), "data", Map.of("k", "v2"));
        Api.Response replaced = api.put(path, update);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("data").get("k").asString()).isEqualTo("v2");

        Api.Response stale = api.put(path, update);
        assertThat(stale.status()).as("the same resourceVersion again is stale").isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        assertThat(api.get(base + "/namespaces/" + ns + "/resources/cm").json().get("items").valueStream()
                .map(i -> i.get("metadata").get("name").asString()).toList()).contains("cfg");
        assertThat(api.get(base + "/resources/no-such-kind").status()).isEqualTo(404);
        assertThat(api.delete(path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
    }

    @Test
    void secretValuesAreMaskedInLists() {
        apply("apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: hunter2}\n", ns, false);
        Api.Response list = api.get(base + "/namespaces/" + ns + "/resources/secrets");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("aHVudGVyMg").doesNotContain("hunter2");
        JsonNode creds = list.json().get("items").valueStream()
                .filter(i -> i.get("metadata").get("name").asString().equals("creds")).findFirst().orElseThrow();
        JsonNode values = creds.has("data") ? creds.get("data") : creds.get("stringData");
        assertThat(values.has("password")).as("keys stay visible").isTrue();
        assertThat(values.get("password").asString()).isEmpty();
    }

    @Test
    void logsAndEventsOfAWorkload() {
        apply(deployment("logs", "nginx:1.25", 1), ns, false);
        awaitRunning("logs", 1);
        String pod = podNames("logs").iterator().next();
        Api.Response log = api.get(base + "/namespaces/" + ns + "/pods/" + pod + "/log?tailLines=5");
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.body().lines().count()).isBetween(1L, 5L);
        Api.Response download = api.get(base + "/namespaces/" + ns + "/pods/" + pod + "/log?download=true");
        assertThat(download.header("Content-Disposition")).contains(pod);
        assertThat(api.get(base + "/namespaces/" + ns + "/pods/" + pod + "/log?container=nope").status())
                .isEqualTo(400);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get(workload("deployments", "logs") + "/events").json().toString())
                        .contains("ScalingReplicaSet"));
    }

    @Test
    void followedLogsDeliverNewLinesAsTheyAreWritten() throws Exception {
        apply(deployment("follow", "nginx:1.25", 1), ns, false);
        awaitRunning("follow", 1);
        String pod = podNames("follow").iterator().next();
        String path = base + "/namespaces/" + ns + "/pods/" + pod + "/log/follow?tailLines=2";
        List<String> data = CompletableFuture.supplyAsync(() -> {
            try (Stream<String> lines = api.lines(path)) {
                // two tail lines exist when the stream opens; the next ones are written while we listen
                return lines.filter(l -> l.startsWith("data:")).limit(4).toList();
            }
        }).get(30, TimeUnit.SECONDS);

        assertThat(data).hasSize(4);
        assertThat(data.get(3)).contains("GET /healthz");
        assertThat(timeOf(data.get(3))).isAfter(timeOf(data.get(1)));
    }

    private static Instant timeOf(String sseData) {
        return Instant.parse(sseData.substring("data:".length()).strip().split(" ")[0]);
    }

    @Test
    void createsFromTheFormWithAServiceThenEditsThroughTheForm() {
        Map<String, Object> container = Map.of("name", "web", "image", "nginx:1.25",
                "ports", List.of(Map.of("name", "http", "containerPort", 80)),
                "resources", Map.of("requestCpu", "100m", "requestMemory", "64Mi"));
        Map<String, Object> form = Map.of("kind", "deployments", "name", "formed", "replicas", 2,
                "containers", List.of(container),
                "service", Map.of("type", "ClusterIP", "ports", List.of(Map.of("name", "http", "port", 80))));
        Api.Response created = api.post(base + "/namespaces/" + ns + "/workloads", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        awaitRunning("formed", 2);
        assertThat(api.get(base + "/namespaces/" + ns + "/resources/services/formed").status()).isEqualTo(200);
        assertThat(api.post(base + "/namespaces/" + ns + "/workloads", form).status()).isEqualTo(409);

        JsonNode read = api.get(workload("deployments", "formed") + "/form").json();
        assertThat(read.get("containers").get(0).get("resources").get("requestCpu").asString()).isEqualTo("100m");
        Map<String, Object> edited = Map.of("kind", "deployments", "name", "formed", "replicas", 3,
                "containers", List.of(Map.of("name", "web", "image", "nginx:1.26")));
        Api.Response updated = api.put(workload("deployments", "formed") + "/form", edited);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode w = api.get(workload("deployments", "formed")).json();
            assertThat(w.get("images").get(0).asString()).isEqualTo("nginx:1.26");
            assertThat(w.get("ready").asInt()).isEqualTo(3);
        });

        Api.Response bad = api.post(base + "/namespaces/" + ns + "/workloads", Map.of("kind", "deployments",
                "name", "Bad_Name", "replicas", -1, "containers", List.of(Map.of("name", "web", "image", ""))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void tablesShowTheClustersOwnColumns() {
        apply(deployment("tabled", "nginx:1.25", 2), ns, false);
        awaitRunning("tabled", 2);
        Api.Response pods = api.get(base + "/namespaces/" + ns + "/tables/pods?limit=1");
        assertThat(pods.status()).as(pods.body()).isEqualTo(200);
        assertThat(pods.json().get("columns").valueStream().map(c -> c.get("name").asString()).toList())
                .contains("Name", "Ready", "Status", "Restarts");
        assertThat(pods.json().get("rows")).hasSize(1);
        String next = pods.json().get("continueToken").asString();
        assertThat(api.get(base + "/namespaces/" + ns + "/tables/pods?limit=1&continue=" + next).json().get("rows"))
                .hasSize(1);
        Api.Response nodes = api.get(base + "/tables/nodes");
        assertThat(nodes.json().get("rows")).hasSize(3);
        assertThat(api.get(base + "/tables/pods").status()).as("namespaced kinds need a namespace").isEqualTo(400);
    }
}
