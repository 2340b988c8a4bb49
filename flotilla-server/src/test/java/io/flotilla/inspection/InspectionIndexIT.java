package io.flotilla.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.search.SyncEngine;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A run takes its snapshot from the search index when the index has the cluster Synced (Secrets, RBAC and
 * the other kinds the index does not sync still from the cluster), and from the cluster when it has not.
 */
class InspectionIndexIT extends ServerTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private SyncEngine engine;

    private final List<SandboxCluster> sandboxes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        engine.start();
        for (SandboxCluster sandbox : sandboxes) {
            api.delete("/api/v1/clusters/" + sandbox.name());
            sandbox.close();
        }
    }

    private SandboxCluster cluster(String prefix) {
        SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec(IamFixtures.unique(prefix), 2, 6, 17));
        sandboxes.add(sandbox);
        Api.Response r = api.post("/api/v1/clusters", Map.of("name", sandbox.name(), "kubeconfig", sandbox.kubeconfig()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        KubernetesClient client = sandbox.client();
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: careless}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: bare, namespace: careless}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: bare}}
                  template:
                    metadata: {labels: {app: bare}}
                    spec:
                      containers: [{name: app, image: "nginx:latest", securityContext: {privileged: true}}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: nowhere, namespace: careless}
                spec:
                  selector: {app: nobody}
                  ports: [{port: 80}]
                """;
        for (HasMetadata o : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(o).create();
        }
        return sandbox;
    }

    private void awaitSynced(String cluster) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode s = api.get("/api/v1/search/status/" + cluster).json();
            assertThat(s.get("phase").asString()).as(s.toString()).isEqualTo("Synced");
            assertThat(s.get("holder").isNull()).isFalse();
        });
    }

    private JsonNode run(String cluster) {
        Api.Response started = api.post("/api/v1/inspections/clusters/" + cluster + "/runs", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode run = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/inspections/runs/" + id).json(),
                        r -> Set.of("Succeeded", "Failed").contains(r.get("status").asString()));
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("Succeeded");
        return run;
    }

    private Set<String> findings(JsonNode run) {
        Set<String> keys = new TreeSet<>();
        JsonNode page = api.get("/api/v1/inspections/runs/" + run.get("id").asString() + "/findings?limit=1000").json();
        for (JsonNode f : page.get("items")) {
            keys.add(f.get("checkId").asString() + " " + f.get("kind").asString() + " "
                    + f.get("namespace").asString() + "/" + f.get("name").asString());
        }
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asString()));
        return all;
    }

    @Test
    void syncedClusterIsInspectedFromTheIndexWithTheFindingsOfAClusterSourcedRun() {
        SandboxCluster sandbox = cluster("insp-idx");
        awaitSynced(sandbox.name());

        JsonNode fromIndex = run(sandbox.name());

        assertThat(fromIndex.get("snapshotSource").asString()).isEqualTo("index");
        assertThat(strings(fromIndex.get("indexedKinds"))).contains("pods", "deployments", "services", "nodes")
                .doesNotContain("secrets", "roles", "networkpolicies", "serviceaccounts");

        engine.stop(); // no replica holds the cluster any more: the index is not current, the run reads the cluster
        JsonNode fromCluster = run(sandbox.name());

        assertThat(fromCluster.get("snapshotSource").asString()).isEqualTo("cluster");
        assertThat(strings(fromCluster.get("indexedKinds"))).isEmpty();
        assertThat(fromIndex.get("objects").asInt()).isEqualTo(fromCluster.get("objects").asInt());
        assertThat(findings(fromIndex)).isNotEmpty().isEqualTo(findings(fromCluster))
                .anyMatch(k -> k.contains("careless/bare"));
        assertThat(fromIndex.get("score").asInt()).isEqualTo(fromCluster.get("score").asInt());
    }

    @Test
    void clusterTheIndexHasNotSyncedIsInspectedFromTheCluster() {
        engine.stop();
        SandboxCluster sandbox = cluster("insp-nosync");
        JsonNode status = api.get("/api/v1/search/status/" + sandbox.name()).json();
        assertThat(status.get("phase").asString()).isNotEqualTo("Synced");

        JsonNode run = run(sandbox.name());

        assertThat(run.get("snapshotSource").asString()).isEqualTo("cluster");
        assertThat(strings(run.get("indexedKinds"))).isEmpty();
        assertThat(findings(run)).anyMatch(k -> k.contains("careless/bare"));
    }
}
