package io.flotilla.resource;

import static io.flotilla.support.IamFixtures.unique;
import static io.flotilla.support.IamFixtures.workspaceScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member of workspace A can work in A's namespace and gets 403 on workspace B's, for every operation. */
class WorkloadIsolationIT extends ServerTestBase {

    private static final String CLUSTER = "isolation-it";
    private static SandboxCluster sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 2, 0, 9));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String deployment(String ns) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %s}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, namespace: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: app}}
                  template:
                    metadata: {labels: {app: app}}
                    spec:
                      containers: [{name: c, image: nginx:1.25}]
                """.formatted(ns, ns);
    }

    @Test
    void workspaceMembersOnlyReachTheirOwnNamespaces() {
        String base = "/api/v1/clusters/" + CLUSTER;
        if (api.get(base).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", CLUSTER, "kubeconfig", sandbox.kubeconfig())).status())
                    .isEqualTo(201);
        }
        String nsA = unique("ns-a");
        String nsB = unique("ns-b");
        assertThat(api.postRaw(base + "/apply", "application/yaml", deployment(nsA)).status()).isEqualTo(200);
        assertThat(api.postRaw(base + "/apply", "application/yaml", deployment(nsB)).status()).isEqualTo(200);

        IamFixtures iam = new IamFixtures(api);
        String wsA = iam.workspace(unique("ws-a"), null);
        String wsB = iam.workspace(unique("ws-b"), null);
        assertThat(api.post("/api/v1/workspaces/" + wsA + "/resourcebindings",
                Map.of("cluster", CLUSTER, "namespace", nsA)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/workspaces/" + wsB + "/resourcebindings",
                Map.of("cluster", CLUSTER, "namespace", nsB)).status()).isEqualTo(201);
        String alice = unique("alice");
        Api member = iam.user(alice);
        iam.bind(alice, "Workspace Editor", workspaceScope(wsA));

        String wlA = base + "/namespaces/" + nsA + "/workloads/deployments/app";
        String wlB = base + "/namespaces/" + nsB + "/workloads/deployments/app";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(member.get(wlA).json().get("ready").asInt()).isEqualTo(1));
        assertThat(member.post(wlA + "/scale", Map.of("replicas", 2)).status()).isEqualTo(200);

        List<String> visible = member.get(base + "/workloads").json().valueStream()
                .map(w -> w.get("namespace").asString()).distinct().toList();
        assertThat(visible).containsExactly(nsA);

        String pod = api.get(wlB + "/pods").json().get(0).get("name").asString();
        Map<String, Api.Response> denied = Map.ofEntries(
                Map.entry("get workload", member.get(wlB)),
                Map.entry("scale", member.post(wlB + "/scale", Map.of("replicas", 3))),
                Map.entry("restart", member.post(wlB + "/restart", Map.of())),
                Map.entry("image", member.post(wlB + "/image", Map.of("image", "evil:1"))),
                Map.entry("rollback", member.post(wlB + "/rollback", Map.of("revision", 1))),
                Map.entry("pods", member.get(wlB + "/pods")),
                Map.entry("logs", member.get(base + "/namespaces/" + nsB + "/pods/" + pod + "/log")),
                Map.entry("delete pod", member.delete(base + "/namespaces/" + nsB + "/pods/" + pod)),
                Map.entry("list configmaps", member.get(base + "/namespaces/" + nsB + "/resources/configmaps")),
                Map.entry("delete deployment", member.delete(base + "/namespaces/" + nsB
                        + "/resources/deployments.apps/app")),
                Map.entry("apply", member.postRaw(base + "/apply?namespace=" + nsB, "application/yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: planted}\n")));
        denied.forEach((what, r) -> assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(403));
        assertThat(api.get(base + "/namespaces/" + nsB + "/resources/configmaps/planted").status()).isEqualTo(404);
        assertThat(api.get(wlB).json().get("desired").asInt()).isEqualTo(1);

        JsonNode audit = api.get("/api/v1/audit?actor=" + alice).json().get("items");
        assertThat(audit.toString()).contains("scale").contains(nsA);
    }
}
