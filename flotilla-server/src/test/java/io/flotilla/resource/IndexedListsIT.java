package io.flotilla.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Paged lists of a synced cluster answered from the search index; the rest, and on request, from the cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexedListsIT extends ServerTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private SandboxCluster sandbox;
    private String base;

    @BeforeEach
    void syncedCluster() {
        if (sandbox != null) {
            return; // one synced cluster for the class (the base class signs in before each test)
        }
        sandbox = SandboxCluster.start(new SandboxSpec(IamFixtures.unique("idx-list"), 1, 2, 7));
        Api.Response r = api.post("/api/v1/clusters", Map.of("name", sandbox.name(), "kubeconfig", sandbox.kubeconfig()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        KubernetesClient client = sandbox.client();
        for (String ns : List.of("idx-a", "idx-b")) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
            for (int i = 1; i <= 5; i++) {
                client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                        .withName("cm-" + i).addToLabels("n", Integer.toString(i)).endMetadata()
                        .addToData("k", "v" + i).build()).create();
            }
        }
        client.secrets().inNamespace("idx-a").resource(new SecretBuilder().withNewMetadata().withName("db")
                .endMetadata().addToStringData("password", "not-for-lists").build()).create();
        base = "/api/v1/clusters/" + sandbox.name();
        await().atMost(WAIT).untilAsserted(() -> {
            Api.Response page = api.get(base + "/namespaces/idx-b/resources/configmaps?limit=100&source=index");
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(names(page.json())).contains("idx-b/cm-5");
        });
    }

    @AfterAll
    void closeSandbox() {
        api.delete("/api/v1/clusters/" + sandbox.name());
        sandbox.close();
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(o -> out.add(o.get("metadata").get("namespace").asString() + "/"
                + o.get("metadata").get("name").asString()));
        return out;
    }

    private static String next(JsonNode list) {
        JsonNode c = list.get("metadata").get("continue");
        return c == null || c.isNull() || c.asString().isEmpty() ? null : c.asString();
    }

    private List<String> pages(Api client, String path, int limit, List<String> sources) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            Api.Response r = client.get(path + (path.contains("?") ? "&" : "?") + "limit=" + limit
                    + (token == null ? "" : "&continue=" + token));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            sources.add(r.header(ResourceController.LIST_SOURCE));
            all.addAll(names(r.json()));
            token = next(r.json());
        } while (token != null);
        return all;
    }

    @Test
    void pagedListsOfASyncedClusterComeFromTheIndexInNamespaceNameOrderWithoutGapsOrDuplicates() {
        List<String> sources = new ArrayList<>();
        List<String> fromIndex = pages(api, base + "/namespaces/idx-a/resources/configmaps?labelSelector=n", 2, sources);
        assertThat(fromIndex).containsExactly("idx-a/cm-1", "idx-a/cm-2", "idx-a/cm-3", "idx-a/cm-4", "idx-a/cm-5");
        assertThat(sources).hasSize(3).allMatch("index"::equals);

        Api.Response first = api.get(base + "/namespaces/idx-a/resources/configmaps?limit=2");
        JsonNode list = first.json();
        assertThat(list.get("kind").asString()).isEqualTo("ConfigMapList");
        assertThat(list.get("metadata").get("continue").asString()).startsWith(ListSource.INDEX_TOKEN);
        assertThat(list.get("metadata").get("resourceVersion").asString()).isNotBlank();
        JsonNode cm = list.get("items").get(0);
        assertThat(cm.get("data").get("k").asString()).isEqualTo("v1");
        assertThat(cm.get("metadata").get("annotations")).as("no search annotation leaks").isNull();
    }

    @Test
    void aNameFilterSearchesTheWholeListInTheIndexAndFiltersTheClustersPage() {
        List<String> sources = new ArrayList<>();
        assertThat(pages(api, base + "/resources/configmaps?nameContains=CM-3", 1, sources))
                .containsExactly("idx-a/cm-3", "idx-b/cm-3");
        assertThat(sources).allMatch("index"::equals);

        Api.Response clusterPage = api.get(base + "/namespaces/idx-a/resources/configmaps?limit=100&source=cluster"
                + "&nameContains=cm-4");
        assertThat(clusterPage.header(ResourceController.LIST_SOURCE)).startsWith("cluster");
        assertThat(names(clusterPage.json())).containsExactly("idx-a/cm-4");
    }

    @Test
    void theClusterAnswersOnRequestUnpagedListsAndSecretsWithTheSameObjects() {
        List<String> sources = new ArrayList<>();
        List<String> fromCluster = pages(api, base + "/namespaces/idx-a/resources/configmaps?labelSelector=n&source=cluster",
                2, sources);
        assertThat(fromCluster).containsExactly("idx-a/cm-1", "idx-a/cm-2", "idx-a/cm-3", "idx-a/cm-4", "idx-a/cm-5");
        assertThat(sources).allMatch(s -> s.startsWith("cluster"));

        Api.Response unpaged = api.get(base + "/namespaces/idx-a/resources/configmaps?labelSelector=n");
        assertThat(unpaged.header(ResourceController.LIST_SOURCE)).startsWith("cluster; reason=\"unpaged");
        assertThat(names(unpaged.json())).hasSize(5);

        Api.Response secrets = api.get(base + "/namespaces/idx-a/resources/secrets?limit=10");
        assertThat(secrets.header(ResourceController.LIST_SOURCE)).contains("metadata of Secrets");
        assertThat(names(secrets.json())).contains("idx-a/db");
        assertThat(secrets.body()).as("values never in lists").doesNotContain("not-for-lists")
                .doesNotContain("bm90LWZvci1saXN0cw");
    }

    @Test
    void aCallerSeesInTheIndexOnlyTheNamespacesTheyMayList() {
        IamFixtures iam = new IamFixtures(api);
        String user = IamFixtures.unique("idx-viewer");
        Api viewer = iam.user(user);
        iam.bind(user, "NS View", IamFixtures.namespaceScope(sandbox.name(), "idx-b"));

        List<String> sources = new ArrayList<>();
        List<String> seen = pages(viewer, base + "/resources/configmaps?labelSelector=n", 3, sources);
        assertThat(seen).containsExactly("idx-b/cm-1", "idx-b/cm-2", "idx-b/cm-3", "idx-b/cm-4", "idx-b/cm-5");
        assertThat(sources).allMatch("index"::equals);
        assertThat(viewer.get(base + "/namespaces/idx-a/resources/configmaps?limit=5").status()).isEqualTo(403);
    }

    @Test
    void badSourcesAndForgedIndexTokensAreRefusedWithProblems() {
        Api.Response bad = api.get(base + "/namespaces/idx-a/resources/configmaps?limit=5&source=etcd");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("auto, index or cluster");

        Api.Response forged = api.get(base + "/namespaces/idx-a/resources/configmaps?limit=5&continue="
                + ListSource.INDEX_TOKEN + "AAAAforged");
        assertThat(forged.status()).isBetween(400, 410);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        Api.Response indexForSecrets = api.get(base + "/namespaces/idx-a/resources/secrets?limit=5&source=index");
        assertThat(indexForSecrets.status()).isEqualTo(409);
        assertThat(indexForSecrets.body()).contains("metadata of Secrets");
    }
}
