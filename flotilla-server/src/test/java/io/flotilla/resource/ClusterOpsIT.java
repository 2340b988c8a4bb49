package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Nodes, namespaces and the overview against a sandbox cluster. */
class ClusterOpsIT extends ServerTestBase {

    private static final String CLUSTER = "ops-it";
    private static SandboxCluster sandbox;
    private String base;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 4, 0, 5));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void register() {
        base = "/api/v1/clusters/" + CLUSTER;
        if (api.get(base).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", CLUSTER, "kubeconfig", sandbox.kubeconfig())).status())
                    .isEqualTo(201);
        }
    }

    private String workerNode() {
        for (JsonNode n : api.get(base + "/nodes").json()) {
            if (!n.get("roles").toString().contains("control-plane")) {
                return n.get("name").asString();
            }
        }
        throw new AssertionError("no worker node");
    }

    @Test
    void listsNodesWithTheirFacts() {
        JsonNode nodes = api.get(base + "/nodes").json();
        assertThat(nodes).hasSize(4);
        JsonNode first = nodes.get(0);
        assertThat(first.get("status").asString()).startsWith("Ready");
        assertThat(first.get("kubelet").asString()).startsWith("v1.");
        assertThat(first.get("allocatable").has("cpu")).isTrue();
    }

    @Test
    void cordonsUncordonsAndEditsLabelsAndTaints() {
        String node = workerNode();
        assertThat(api.post(base + "/nodes/" + node + "/cordon", Map.of()).json().get("status").asString())
                .isEqualTo("Ready,SchedulingDisabled");
        assertThat(api.post(base + "/nodes/" + node + "/uncordon", Map.of()).json().get("unschedulable").asBoolean())
                .isFalse();

        Map<String, String> labels = new HashMap<>();
        api.get(base + "/nodes/" + node).json().get("labels").properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        labels.put("tier", "gold");
        Api.Response edited = api.patch(base + "/nodes/" + node,
                Map.of("labels", labels, "taints", List.of("dedicated=gpu:NoSchedule")));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("labels").get("tier").asString()).isEqualTo("gold");
        assertThat(edited.json().get("taints").get(0).asString()).isEqualTo("dedicated=gpu:NoSchedule");

        Api.Response badTaint = api.patch(base + "/nodes/" + node, Map.of("taints", List.of("dedicated=gpu:Sometimes")));
        assertThat(badTaint.status()).isEqualTo(400);
        assertThat(api.patch(base + "/nodes/" + node, Map.of("taints", List.of())).status()).isEqualTo(200);
    }

    @Test
    void drainEvictsPodsAndReportsProgress() {
        Api.Response applied = api.postRaw(base + "/apply?namespace=default", "application/yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: drained}
                spec:
                  replicas: 6
                  selector: {matchLabels: {app: drained}}
                  template:
                    metadata: {labels: {app: drained}}
                    spec:
                      containers: [{name: c, image: busybox:1.36}]
                """);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        String wl = base + "/namespaces/default/workloads/deployments/drained";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(wl).json().get("ready").asInt()).isEqualTo(6));
        String node = api.get(wl + "/pods").json().get(0).get("node").asString();

        Api.Response started = api.post(base + "/nodes/" + node + "/drain?timeoutSeconds=30", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            JsonNode report = api.get("/api/v1/drains/" + id).json();
            assertThat(report.get("phase").asString()).isEqualTo("Succeeded");
            assertThat(report.get("evicted")).isNotEmpty();
            assertThat(report.get("blocked")).isEmpty();
        });
        assertThat(api.get(base + "/nodes/" + node).json().get("unschedulable").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode pods = api.get(wl + "/pods").json();
            assertThat(pods.valueStream().filter(p -> p.get("phase").asString().equals("Running")).count())
                    .isEqualTo(6);
            pods.forEach(p -> assertThat(p.get("node").asString()).isNotEqualTo(node));
        });
        api.post(base + "/nodes/" + node + "/uncordon", Map.of());
        assertThat(api.get("/api/v1/drains/no-such-drain").status()).isEqualTo(404);
    }

    @Test
    void drainStopsAtAPodDisruptionBudgetAndReportsWhatItCouldNotEvict() {
        String node = workerNode();
        Api.Response applied = api.postRaw(base + "/apply?namespace=default", "application/yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: guarded}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: guarded}}
                  template:
                    metadata: {labels: {app: guarded}}
                    spec:
                      nodeSelector: {kubernetes.io/hostname: NODE}
                      containers: [{name: c, image: busybox:1.36}]
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: guarded}
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: guarded}}
                """.replace("NODE", node));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        String wl = base + "/namespaces/default/workloads/deployments/guarded";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get(wl).json().get("ready").asInt()).isEqualTo(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(base
                + "/namespaces/default/resources/poddisruptionbudgets/guarded").json().at("/status/disruptionsAllowed")
                .asInt()).isEqualTo(1));

        // the first eviction is allowed; its replacement cannot be scheduled (the node is cordoned and the
        // pods are pinned to it), so the budget blocks the second one until the drain times out
        Api.Response started = api.post(base + "/nodes/" + node + "/drain?timeoutSeconds=5", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode report = api.get("/api/v1/drains/" + id).json();
                assertThat(report.get("phase").asString()).isEqualTo("Failed");
                assertThat(report.get("evicted").valueStream().filter(p -> p.asString().contains("guarded")).count())
                        .isEqualTo(1);
                assertThat(report.get("blocked").toString()).contains("guarded").contains("PodDisruptionBudget");
            });
            assertThat(api.get(wl + "/pods").json().valueStream()
                    .filter(p -> p.get("phase").asString().equals("Running")).count()).isEqualTo(1);
        } finally {
            api.post(base + "/nodes/" + node + "/uncordon", Map.of());
            api.delete(base + "/namespaces/default/resources/deployments.apps/guarded");
            api.delete(base + "/namespaces/default/resources/poddisruptionbudgets/guarded");
        }
    }

    @Test
    void everyContainerManagementRequestBodyIsDocumentedWithAnExample() {
        JsonNode paths = api.get("/api/openapi").json().get("paths");
        List<String> bodies = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        paths.propertyStream().filter(p -> p.getKey().startsWith("/api/v1/clusters/{cluster}/")).forEach(p ->
                p.getValue().propertyStream().forEach(op -> {
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    if (content.isMissingNode()) {
                        return;
                    }
                    String where = op.getKey().toUpperCase() + " " + p.getKey();
                    bodies.add(where);
                    boolean example = content.valueStream()
                            .anyMatch(media -> media.has("example") || media.path("examples").size() > 0);
                    if (!example) {
                        withoutExample.add(where);
                    }
                }));
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(12);
        assertThat(withoutExample).isEmpty();
    }

    @Test
    void createsNamespacesWithQuotaPresetsAndRefusesBadQuotas() {
        Api.Response created = api.post(base + "/namespaces", Map.of("name", "team-a", "quotaPreset", "small",
                "defaultLimits", Map.of("cpu", "500m", "memory", "512Mi")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("quota").get("pods").asString()).endsWith("/20");
        assertThat(api.get(base + "/namespaces/team-a/resources/limitranges/flotilla-limits").status()).isEqualTo(200);
        assertThat(api.post(base + "/namespaces", Map.of("name", "team-a")).status()).isEqualTo(409);

        Api.Response negative = api.post(base + "/namespaces", Map.of("name", "team-b",
                "quota", Map.of("requests.cpu", "-1")));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("quota.requests.cpu");
        assertThat(api.post(base + "/namespaces", Map.of("name", "team-c", "quotaPreset", "huge")).status())
                .isEqualTo(400);
        assertThat(api.post(base + "/namespaces", Map.of("name", "Team_D")).status()).isEqualTo(400);
        assertThat(api.get(base + "/namespaces").json().valueStream().map(n -> n.get("name").asString()).toList())
                .contains("team-a").doesNotContain("team-b", "team-c");

        assertThat(api.delete(base + "/namespaces/team-a").status()).isEqualTo(204);
    }

    @Test
    void overviewCountsNodesPodsAndResources() {
        JsonNode o = api.get(base + "/overview").json();
        assertThat(o.get("nodes").get("total").asInt()).isEqualTo(4);
        assertThat(o.get("cpu").get("allocatable").asDouble()).isPositive();
        assertThat(o.get("memory").get("allocatable").asDouble()).isPositive();
        assertThat(o.has("workloadStates")).isTrue();
    }
}
