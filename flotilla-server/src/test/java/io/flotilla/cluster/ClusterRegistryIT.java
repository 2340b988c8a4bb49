package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.ServerTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClusterRegistryIT extends ServerTestBase {

    private static SandboxCluster sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec("registry-it", 3, 6, 7));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> byKubeconfig(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("displayName", "Registry test");
        body.put("labels", Map.of("region", "east", "provider", "sandbox"));
        body.put("kubeconfig", sandbox.kubeconfig());
        return body;
    }

    @Test
    void registersAClusterAfterVerifyingItAndNeverReturnsCredentials() {
        String name = unique("kc");
        Api.Response created = api.post("/api/v1/clusters", byKubeconfig(name));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/clusters/" + name);
        JsonNode c = created.json();
        assertThat(c.get("status").get("phase").asString()).isEqualTo("Running");
        assertThat(c.get("status").get("kubernetesVersion").asString()).startsWith("v1.");
        assertThat(c.get("status").get("nodes").get("total").asInt()).isEqualTo(3);
        assertThat(c.get("status").get("nodes").get("ready").asInt()).isEqualTo(3);
        assertThat(c.get("simulated").asBoolean()).isTrue();
        assertThat(c.get("status").get("platform").asString()).isEqualTo("Sandbox (simulated)");
        assertThat(c.get("credentialType").asString()).isEqualTo("token");
        assertThat(created.body()).doesNotContain(sandbox.token());

        Api.Response fetched = api.get("/api/v1/clusters/" + name);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("labels").get("region").asString()).isEqualTo("east");
        assertThat(fetched.body()).doesNotContain(sandbox.token());
    }

    @Test
    void registersWithServerUrlAndToken() {
        String name = unique("tok");
        Api.Response created = api.post("/api/v1/clusters",
                Map.of("name", name, "server", sandbox.serverUrl(), "token", sandbox.token()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("server").asString()).isEqualTo(sandbox.serverUrl());
    }

    @Test
    void unreachableClusterAnswers422AndStoresNothing() {
        String name = unique("down");
        Api.Response r = api.post("/api/v1/clusters",
                Map.of("name", name, "server", "http://127.0.0.1:1", "token", "t"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).startsWith("Unreachable").contains("Nothing was stored");
        assertThat(api.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
    }

    @Test
    void clusterThatRejectsTheTokenAnswers422Unauthorized() {
        String name = unique("reject");
        Api.Response r = api.post("/api/v1/clusters",
                Map.of("name", name, "server", sandbox.serverUrl(), "token", "wrong-token"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).startsWith("Unauthorized");
        assertThat(api.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
    }

    @Test
    void skipVerificationStoresAsUnknownAndTheMonitorThenProbesIt() {
        String name = unique("skip");
        Map<String, Object> body = byKubeconfig(name);
        body.put("skipVerification", true);
        Api.Response r = api.post("/api/v1/clusters", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").get("phase").asString()).isEqualTo("Unknown");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/v1/clusters/" + name).json().get("status").get("phase").asString())
                        .isEqualTo("Running"));
    }

    @Test
    void duplicateNameAnswers409() {
        String name = unique("dup");
        assertThat(api.post("/api/v1/clusters", byKubeconfig(name)).status()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/clusters", byKubeconfig(name));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already registered");
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() {
        Api.Response badName = api.post("/api/v1/clusters", byKubeconfig("Not_A_Label"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        String name = unique("exec");
        Map<String, Object> exec = byKubeconfig(name);
        exec.put("kubeconfig", sandbox.kubeconfig().replaceFirst("token: .*",
                "exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: /bin/sh"));
        Api.Response execR = api.post("/api/v1/clusters", exec);
        assertThat(execR.status()).isEqualTo(400);
        assertThat(execR.json().get("errors").get(0).get("field").asString()).isEqualTo("kubeconfig.users[0].user.exec");
        assertThat(api.get("/api/v1/clusters/" + name).status()).isEqualTo(404);

        Api.Response ftp = api.post("/api/v1/clusters", Map.of("name", unique("ftp"), "server", "ftp://x", "token", "t"));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().get("errors").get(0).get("field").asString()).isEqualTo("server");

        Api.Response badLabel = api.post("/api/v1/clusters", Map.of("name", unique("lbl"), "server",
                sandbox.serverUrl(), "token", sandbox.token(), "labels", Map.of("region", "not valid!")));
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.json().get("errors").get(0).get("field").asString()).isEqualTo("labels.region");

        Api.Response malformed = api.postRaw("/api/v1/clusters", "application/json", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Api.Response notYaml = api.post("/api/v1/clusters", Map.of("name", unique("yaml"), "kubeconfig", "a: [b"));
        assertThat(notYaml.status()).isEqualTo(400);
        assertThat(notYaml.json().get("errors").get(0).get("field").asString()).isEqualTo("kubeconfig");
    }

    @Test
    void oversizedBodyAnswers413() {
        Map<String, Object> body = byKubeconfig(unique("big"));
        body.put("description", "x".repeat(100 * 1024));
        Api.Response r = api.post("/api/v1/clusters", body);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listsPageByPageAndFiltersByLabelAndPhase() {
        String group = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = byKubeconfig("page-" + group + "-" + i);
            body.put("labels", Map.of("batch", group, "index", String.valueOf(i)));
            assertThat(api.post("/api/v1/clusters", body).status()).isEqualTo(201);
        }
        Api.Response first = api.get("/api/v1/clusters?limit=2&labelSelector=batch%3D" + group);
        assertThat(first.json().get("items")).hasSize(2);
        String token = first.json().get("continue").asString();
        Api.Response second = api.get("/api/v1/clusters?limit=2&labelSelector=batch%3D" + group + "&continue=" + token);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("continue").isNull()).isTrue();
        assertThat(second.json().get("items").get(0).get("name").asString()).isEqualTo("page-" + group + "-2");

        Api.Response notIn = api.get("/api/v1/clusters?labelSelector=batch%3D" + group + ",index%20notin%20(0,1)");
        assertThat(notIn.json().get("items")).hasSize(1);
        Api.Response unhealthy = api.get("/api/v1/clusters?phase=Unhealthy&labelSelector=batch%3D" + group);
        assertThat(unhealthy.json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/clusters?phase=Sleeping").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/clusters?labelSelector=a%20in%20b").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/clusters?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/clusters?continue=bogus!").status()).isEqualTo(400);
    }

    @Test
    void updatesLabelsAndDisplayNameAndVerifiesNewCredentials() {
        String name = unique("upd");
        assertThat(api.post("/api/v1/clusters", byKubeconfig(name)).status()).isEqualTo(201);

        Api.Response renamed = api.patch("/api/v1/clusters/" + name,
                Map.of("displayName", "Production East", "labels", Map.of("tier", "prod")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("displayName").asString()).isEqualTo("Production East");
        assertThat(renamed.json().get("labels").properties()).hasSize(1);

        Api.Response badCreds = api.patch("/api/v1/clusters/" + name,
                Map.of("server", sandbox.serverUrl(), "token", "wrong"));
        assertThat(badCreds.status()).isEqualTo(422);
        Api.Response probed = api.post("/api/v1/clusters/" + name + "/probe", Map.of());
        assertThat(probed.json().get("status").get("phase").asString())
                .as("the old credentials are kept after a refused update").isEqualTo("Running");
    }

    @Test
    void deleteRemovesTheCluster() {
        String name = unique("del");
        assertThat(api.post("/api/v1/clusters", byKubeconfig(name)).status()).isEqualTo(201);
        assertThat(api.delete("/api/v1/clusters/" + name).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/clusters/" + name).status()).isEqualTo(404);
    }

    @Test
    void verificationEndpointChecksWithoutStoring() {
        String name = unique("verify");
        Api.Response ok = api.post("/api/v1/cluster-verifications", byKubeconfig(name));
        assertThat(ok.json().get("reachable").asBoolean()).isTrue();
        assertThat(ok.json().get("simulated").asBoolean()).isTrue();
        Api.Response bad = api.post("/api/v1/cluster-verifications",
                Map.of("server", sandbox.serverUrl(), "token", "nope"));
        assertThat(bad.json().get("reachable").asBoolean()).isFalse();
        assertThat(bad.json().get("reason").asString()).isEqualTo("Unauthorized");
        assertThat(api.get("/api/v1/clusters/" + name).status()).isEqualTo(404);
    }

    @Test
    void everyEndpointNeedsAuthenticationAndAnswersProblemJson() {
        for (String path : List.of("/api/v1/clusters", "/api/openapi", "/actuator/prometheus")) {
            Api.Response r = api.anonymous().get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.withCredentials("admin", "wrong").get("/api/v1/clusters").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void responsesCarryARequestIdThatProblemsRepeat() {
        Api.Response r = api.get("/api/v1/clusters/does-not-exist");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("X-Request-Id")).isNotBlank();
        assertThat(r.json().get("requestId").asString()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void openApiDescribesTheClusterApi() {
        Api.Response r = api.get("/api/openapi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/api/v1/clusters")).isTrue();
        assertThat(r.json().get("paths").has("/api/v1/clusters/{name}")).isTrue();
    }
}
