package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The sync engine against real sandbox clusters: initial sync, watch, 410 relist, restart, outage, removal. */
class SyncEngineIT extends ServerTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private SyncEngine engine;

    @Autowired
    private JdbcClient jdbc;

    private final List<SandboxCluster> sandboxes = new ArrayList<>();

    @AfterEach
    void closeSandboxes() {
        engine.start();
        for (SandboxCluster sandbox : sandboxes) {
            api.delete("/api/v1/clusters/" + sandbox.name());
            sandbox.close();
        }
    }

    private SandboxCluster cluster(String prefix) {
        SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec(IamFixtures.unique(prefix), 2, 4, 7));
        sandboxes.add(sandbox);
        Api.Response r = api.post("/api/v1/clusters", Map.of("name", sandbox.name(), "kubeconfig", sandbox.kubeconfig()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return sandbox;
    }

    private JsonNode status(String cluster) {
        Api.Response r = api.get("/api/v1/search/status/" + cluster);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void awaitPhase(String cluster, String phase) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode s = status(cluster);
            assertThat(s.get("phase").asString()).as(s.toString()).isEqualTo(phase);
            if (phase.equals("Synced")) {
                assertThat(s.get("progress").get("typesListed").asInt())
                        .isEqualTo(s.get("progress").get("typesTotal").asInt()).isPositive();
            }
        });
    }

    private long rows(String cluster, String resource) {
        return jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c AND resource = :r")
                .param("c", cluster).param("r", resource).query(Long.class).single();
    }

    /** Names in the index, without the kube-root-ca.crt ConfigMap every namespace gets. */
    private List<String> names(String cluster, String resource, String namespace) {
        return jdbc.sql("SELECT name FROM search_resources WHERE cluster = :c AND resource = :r AND namespace = :n "
                        + "AND name <> 'kube-root-ca.crt' ORDER BY name")
                .param("c", cluster).param("r", resource).param("n", namespace).query(String.class).list();
    }

    private Timestamp listedAt(String cluster, String resource) {
        return jdbc.sql("SELECT listed_at FROM search_sync_types WHERE cluster = :c AND resource = :r")
                .param("c", cluster).param("r", resource).query(Timestamp.class).single();
    }

    private static ConfigMap configMap(String namespace, String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app", name).endMetadata().addToData("k", value).build();
    }

    private static void createNamespace(KubernetesClient client, String name) {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(name).endMetadata().build()).create();
    }

    @Test
    void initialSyncIndexesEveryObjectOfTheConfiguredTypesAndStoresSecretsWithoutData() {
        SandboxCluster sandbox = cluster("sync-all");
        KubernetesClient client = sandbox.client();
        createNamespace(client, "vault");
        client.secrets().inNamespace("vault").resource(new SecretBuilder().withNewMetadata().withName("db")
                .endMetadata().addToStringData("password", "hunter2-very-secret").build()).create();

        awaitPhase(sandbox.name(), "Synced");

        JsonNode resources = status(sandbox.name()).get("resources");
        assertThat(resources).extracting(r -> r.get("resource").asString())
                .contains("pods", "nodes", "namespaces", "deployments", "replicasets", "services", "configmaps",
                        "secrets", "events", "jobs", "cronjobs", "horizontalpodautoscalers", "storageclasses");
        await().atMost(WAIT).untilAsserted(() -> {
            for (String type : List.of("pods", "nodes", "namespaces", "services", "configmaps", "secrets")) {
                long inCluster = switch (type) {
                    case "pods" -> client.pods().inAnyNamespace().list().getItems().size();
                    case "nodes" -> client.nodes().list().getItems().size();
                    case "namespaces" -> client.namespaces().list().getItems().size();
                    case "services" -> client.services().inAnyNamespace().list().getItems().size();
                    case "configmaps" -> client.configMaps().inAnyNamespace().list().getItems().size();
                    default -> client.secrets().inAnyNamespace().list().getItems().size();
                };
                assertThat(rows(sandbox.name(), type)).as(type).isEqualTo(inCluster).isPositive();
            }
            assertThat(rows(sandbox.name(), "deployments"))
                    .isEqualTo(client.apps().deployments().inAnyNamespace().list().getItems().size());
        });
        String secret = jdbc.sql("SELECT object::text FROM search_resources WHERE cluster = :c AND resource = 'secrets'"
                + " AND namespace = 'vault' AND name = 'db'").param("c", sandbox.name()).query(String.class).single();
        assertThat(secret).doesNotContain("hunter2").doesNotContain("\"data\"").doesNotContain("stringData");
        assertThat(jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c AND object->'metadata'->'managedFields' "
                + "IS NOT NULL").param("c", sandbox.name()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c AND resource = 'pods' "
                + "AND owner_uid IS NULL").param("c", sandbox.name()).query(Long.class).single()).isZero();
    }

    @Test
    void addsModificationsAndDeletionsFollowTheCluster() {
        SandboxCluster sandbox = cluster("sync-watch");
        KubernetesClient client = sandbox.client();
        awaitPhase(sandbox.name(), "Synced");
        createNamespace(client, "team");

        client.configMaps().inNamespace("team").resource(configMap("team", "a", "1")).create();
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "team").contains("a"));

        ConfigMap changed = client.configMaps().inNamespace("team").withName("a")
                .edit(cm -> new ConfigMapBuilder(cm).editMetadata().addToLabels("tier", "gold").endMetadata().build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("SELECT coalesce(labels->>'tier', '') || ' ' "
                        + "|| resource_version FROM search_resources WHERE cluster = :c AND resource = 'configmaps' "
                        + "AND namespace = 'team' AND name = 'a'").param("c", sandbox.name()).query(String.class)
                .list()).containsExactly("gold " + changed.getMetadata().getResourceVersion()));

        client.configMaps().inNamespace("team").withName("a").delete();
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "team").isEmpty());
        assertThat(status(sandbox.name()).get("lastEventTime").isNull()).isFalse();
    }

    @Test
    void anObjectPostgresqlRefusesIsSkippedAndTheRestOfTheClusterStillSyncs() {
        SandboxCluster sandbox = cluster("sync-reject");
        KubernetesClient client = sandbox.client();
        awaitPhase(sandbox.name(), "Synced");
        createNamespace(client, "odd");

        client.configMaps().inNamespace("odd").resource(configMap("odd", "nul", "before\u0000after")).create();
        client.configMaps().inNamespace("odd").resource(configMap("odd", "fine", "1")).create();

        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "odd").contains("fine"));
        assertThat(names(sandbox.name(), "configmaps", "odd")).doesNotContain("nul");
        await().atMost(WAIT).untilAsserted(() -> {
            String error = null;
            for (JsonNode r : status(sandbox.name()).get("resources")) {
                if (r.get("resource").asString().equals("configmaps")) {
                    error = r.get("error").asString();
                }
            }
            assertThat(error).contains("odd/nul").contains("missing from search");
        });
        client.configMaps().inNamespace("odd").resource(configMap("odd", "later", "1")).create();
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "odd").contains("later"));
    }

    @Test
    void afterARestartResumesFromTheSavedResourceVersionAndSeesDeletionsItMissed() {
        SandboxCluster sandbox = cluster("sync-resume");
        KubernetesClient client = sandbox.client();
        createNamespace(client, "app");
        client.configMaps().inNamespace("app").resource(configMap("app", "keep", "1")).create();
        client.configMaps().inNamespace("app").resource(configMap("app", "gone", "1")).create();
        awaitPhase(sandbox.name(), "Synced");
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "app").size() == 2);
        Timestamp listed = listedAt(sandbox.name(), "configmaps");

        engine.stop();
        client.configMaps().inNamespace("app").withName("gone").delete();
        client.configMaps().inNamespace("app").resource(configMap("app", "new", "1")).create();
        engine.start();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(names(sandbox.name(), "configmaps", "app")).containsExactly("keep", "new"));
        assertThat(listedAt(sandbox.name(), "configmaps")).as("resumed the watch without a new list").isEqualTo(listed);
    }

    @Test
    void aWatchThatGets410RelistsAndDropsObjectsDeletedMeanwhile() {
        SandboxCluster sandbox = cluster("sync-gone");
        KubernetesClient client = sandbox.client();
        createNamespace(client, "app");
        for (String name : List.of("a", "b", "c")) {
            client.configMaps().inNamespace("app").resource(configMap("app", name, "1")).create();
        }
        awaitPhase(sandbox.name(), "Synced");
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "app").size() == 3);
        Timestamp listed = listedAt(sandbox.name(), "configmaps");

        engine.stop();
        client.configMaps().inNamespace("app").withName("b").delete();
        client.configMaps().inNamespace("app").withName("c")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("k", "2").build());
        client.configMaps().inNamespace("app").resource(configMap("app", "d", "1")).create();
        sandbox.compact();
        engine.start();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(names(sandbox.name(), "configmaps", "app")).containsExactly("a", "c", "d");
            assertThat(jdbc.sql("SELECT object->'data'->>'k' FROM search_resources WHERE cluster = :c AND "
                    + "resource = 'configmaps' AND namespace = 'app' AND name = 'c'").param("c", sandbox.name())
                    .query(String.class).list()).containsExactly("2");
        });
        assertThat(listedAt(sandbox.name(), "configmaps")).as("relisted after 410 Gone").isAfter(listed);
        awaitPhase(sandbox.name(), "Synced");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(sandbox.name(), "pods"))
                .isEqualTo(client.pods().inAnyNamespace().list().getItems().size()));
    }

    @Test
    void aClusterThatGoesDownIsStaleWithItsDataKeptAndCatchesUpWhenBack() {
        SandboxCluster sandbox = cluster("sync-down");
        awaitPhase(sandbox.name(), "Synced");

        sandbox.stop();
        awaitPhase(sandbox.name(), "Stale");
        long kept = rows(sandbox.name(), "pods");
        assertThat(kept).isPositive();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> rows(sandbox.name(), "pods") == kept);
        assertThat(status(sandbox.name()).get("message").asString()).contains("keeps the last known objects");

        sandbox.restart();
        awaitPhase(sandbox.name(), "Synced");
        await().atMost(WAIT).untilAsserted(() -> assertThat(rows(sandbox.name(), "pods"))
                .isEqualTo(sandbox.client().pods().inAnyNamespace().list().getItems().size()));
        createNamespace(sandbox.client(), "later");
        sandbox.client().configMaps().inNamespace("later").resource(configMap("later", "x", "1")).create();
        await().atMost(WAIT).until(() -> names(sandbox.name(), "configmaps", "later").contains("x"));
    }

    @Test
    void removingAClusterFromTheRegistryRemovesItsRows() {
        SandboxCluster sandbox = cluster("sync-del");
        awaitPhase(sandbox.name(), "Synced");
        assertThat(rows(sandbox.name(), "pods")).isPositive();

        assertThat(api.delete("/api/v1/clusters/" + sandbox.name()).status()).isEqualTo(204);

        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c")
                .param("c", sandbox.name()).query(Long.class).single() == 0);
        assertThat(api.get("/api/v1/search/status/" + sandbox.name()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM search_sync_types WHERE cluster = :c").param("c", sandbox.name())
                .query(Long.class).single()).isZero();
    }

    @Test
    void statusListsPerResourceCountsAndIsVisibleOnlyToWhoMaySeeTheCluster() {
        SandboxCluster seen = cluster("sync-auth-a");
        SandboxCluster hidden = cluster("sync-auth-b");
        awaitPhase(seen.name(), "Synced");
        IamFixtures iam = new IamFixtures(api);
        String user = IamFixtures.unique("syncviewer");
        Api viewer = iam.user(user);
        iam.bind(user, "Cluster Admin", IamFixtures.clusterScope(seen.name()));
        Api nobody = iam.user(IamFixtures.unique("nobody"));

        JsonNode status = viewer.get("/api/v1/search/status/" + seen.name()).json();
        assertThat(status.get("cluster").asString()).isEqualTo(seen.name());
        assertThat(status.get("holder").asString()).isEqualTo(engine.holder());
        JsonNode pods = null;
        for (JsonNode r : status.get("resources")) {
            if (r.get("resource").asString().equals("pods")) {
                pods = r;
            }
        }
        assertThat(pods).isNotNull();
        assertThat(pods.get("group").asString()).isEmpty();
        assertThat(pods.get("version").asString()).isEqualTo("v1");
        assertThat(pods.get("kind").asString()).isEqualTo("Pod");
        assertThat(pods.get("listed").asBoolean()).isTrue();
        assertThat(status.get("objects").asLong()).isGreaterThanOrEqualTo(pods.get("objects").asLong());
        await().atMost(WAIT).untilAsserted(() -> {
            long counted = 0;
            for (JsonNode r : viewer.get("/api/v1/search/status/" + seen.name()).json().get("resources")) {
                if (r.get("resource").asString().equals("pods")) {
                    counted = r.get("objects").asLong();
                }
            }
            assertThat(counted).isEqualTo(rows(seen.name(), "pods")).isPositive();
        });

        assertThat(viewer.get("/api/v1/search/status/" + hidden.name()).status()).isEqualTo(404);
        assertThat(nobody.get("/api/v1/search/status/" + seen.name()).status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/search/status").json().get("items"))
                .extracting(i -> i.get("cluster").asString()).containsExactly(seen.name());
        assertThat(nobody.get("/api/v1/search/status").json().get("items")).isEmpty();
        assertThat(api.anonymous().get("/api/v1/search/status").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/search/status/no-such-cluster").status()).isEqualTo(404);
    }
}
