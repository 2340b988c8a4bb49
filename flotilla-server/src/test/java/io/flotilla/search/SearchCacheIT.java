package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search cache in the running server: repeated searches are answered from memory, a change synced
 * from a cluster shows in the very next answer once it is in the index, and a write committed by another
 * replica reaches the cache through PostgreSQL notifications.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCacheIT extends ServerTestBase {

    private static final String R = PediaPath.PREFIX;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    SearchCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchTypes types;

    private SandboxCluster sandbox;
    private PediaClient admin;

    @BeforeEach
    void synced() {
        String key = api.post("/api/v1/accesskeys", Map.of("name", IamFixtures.unique("cache"))).json().get("secret")
                .asString();
        admin = new PediaClient(api.base(), "Bearer " + key);
        if (sandbox != null) {
            return;
        }
        sandbox = SandboxCluster.start(new SandboxSpec(IamFixtures.unique("cache"), 1, 1, 3));
        Api.Response r = api.post("/api/v1/clusters", Map.of("name", sandbox.name(), "kubeconfig", sandbox.kubeconfig()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("cache-a")
                .endMetadata().build()).create();
        configMap("cm-1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.getFresh(cachedQuery()).keys())
                .containsExactly(sandbox.name() + "/cache-a/cm-1"));
    }

    @AfterAll
    void closeSandbox() {
        api.delete("/api/v1/clusters/" + sandbox.name());
        sandbox.close();
    }

    private String cachedQuery() {
        return PediaClient.query(R + "/clusters/" + sandbox.name() + "/api/v1/namespaces/cache-a/configmaps",
                "labelSelector", "app=cache");
    }

    private void configMap(String name) {
        KubernetesClient client = sandbox.client();
        client.configMaps().inNamespace("cache-a").resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                .addToLabels("app", "cache").endMetadata().addToData("k", "v").build()).create();
    }

    @Test
    void aRepeatedSearchIsAnsweredFromMemoryAndASyncedChangeShowsInTheNextAnswer() {
        assertThat(cache.stats().trusted()).as("the change feed listens").isTrue();
        String first = admin.get(cachedQuery()).body();
        long hits = cache.stats().hits();
        assertThat(admin.get(cachedQuery()).body()).isEqualTo(first);
        assertThat(cache.stats().hits()).isGreaterThan(hits);

        configMap("cm-2");
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.getFresh(cachedQuery()).keys())
                .contains(sandbox.name() + "/cache-a/cm-2"));
        // the index has it: an answer kept from before the write must not be served any more
        assertThat(admin.get(cachedQuery()).keys()).containsExactly(sandbox.name() + "/cache-a/cm-1",
                sandbox.name() + "/cache-a/cm-2");

        sandbox.client().configMaps().inNamespace("cache-a").withName("cm-1").delete();
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.getFresh(cachedQuery()).keys())
                .doesNotContain(sandbox.name() + "/cache-a/cm-1"));
        assertThat(admin.get(cachedQuery()).keys()).containsExactly(sandbox.name() + "/cache-a/cm-2");
    }

    @Test
    void aWriteOfAnotherReplicaReachesTheCacheThroughItsNotification() {
        // a type of its own, so that no other write in the shared server touches it meanwhile
        String group = IamFixtures.unique("cachefeed").replace("-", "") + ".example.com";
        String type = group + "/widgets";
        String path = R + "/apis/" + group + "/v1/widgets";
        insert(group, "w1");
        cache.changed(List.of(type));
        types.refresh();
        assertThat(admin.get(path).keys()).containsExactly("replica-b/shop/w1");
        long hits = cache.stats().hits();
        assertThat(admin.get(path).keys()).containsExactly("replica-b/shop/w1");
        assertThat(cache.stats().hits()).as("kept").isGreaterThan(hits);

        insert(group, "w2"); // committed by "another replica", its notification not sent yet
        assertThat(jdbc.sql("SELECT count(*) FROM search_resources WHERE api_group = :g").param("g", group)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(admin.get(path).keys()).as("the kept answer until the notification").containsExactly(
                "replica-b/shop/w1");

        jdbc.sql("SELECT pg_notify(:c, :p)").param("c", SearchChangeFeed.CHANNEL).param("p", type).query()
                .singleRow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(path).keys())
                .containsExactly("replica-b/shop/w1", "replica-b/shop/w2"));
        jdbc.sql("DELETE FROM search_resources WHERE api_group = :g").param("g", group).update();
        cache.changed(List.of(type));
    }

    /** A row as another replica's writer would write it, without its notification. */
    private void insert(String group, String name) {
        jdbc.sql("""
                INSERT INTO search_resources (cluster, api_group, version, resource, kind, namespace, name, uid,
                    labels, resource_version, created_at, object)
                VALUES ('replica-b', :g, 'v1', 'widgets', 'Widget', 'shop', :n, :n, '{}'::jsonb, '1', :t,
                    CAST(:o AS jsonb))
                """).param("g", group).param("n", name).param("t", OffsetDateTime.parse("2025-01-01T00:00:00Z"))
                .param("o", "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"shop\"}}").update();
    }
}
