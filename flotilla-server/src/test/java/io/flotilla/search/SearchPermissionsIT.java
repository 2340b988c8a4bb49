package io.flotilla.search;

import static io.flotilla.search.PediaClient.query;
import static io.flotilla.support.IamFixtures.unique;
import static io.flotilla.support.IamFixtures.workspaceScope;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two workspaces bound to two namespaces of one registered cluster: each member finds, counts and
 * pages through only what their workspace may read; secrets need "list secrets".
 */
class SearchPermissionsIT extends ServerTestBase {

    private static final String CLUSTER = "search-perm-it";
    private static final String R = PediaPath.PREFIX;
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static SandboxCluster sandbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchCache cache;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec(CLUSTER, 1, 0, 5));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** The object in the member cluster (as the sync engine would see it) and its row in the index. */
    private void both(String ns, HasMetadata object) {
        object.getMetadata().setNamespace(ns);
        String yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + ns + "}\n---\n"
                + JSON.asYaml(object).replaceFirst("^---\n", "");
        Api.Response applied = api.postRaw("/api/v1/clusters/" + CLUSTER + "/apply", "application/yaml", yaml);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        row(CLUSTER, ns, object);
    }

    private void row(String cluster, String ns, HasMetadata object) {
        String resource = object.getKind().equals("Secret") ? "secrets" : "configmaps";
        object.getMetadata().setNamespace(ns);
        object.getMetadata().setUid(UUID.randomUUID().toString());
        object.getMetadata().setResourceVersion("1");
        object.getMetadata().setCreationTimestamp("2025-01-01T00:00:00Z");
        // secret data is kept in this row on purpose: even if it reached the index, the API must not return it
        jdbc.sql("""
                INSERT INTO search_resources (cluster, api_group, version, resource, kind, namespace, name, uid,
                    labels, resource_version, created_at, object)
                VALUES (:c, '', 'v1', :r, :k, :ns, :n, :uid, CAST(:labels AS jsonb), '1', :t, CAST(:o AS jsonb))
                ON CONFLICT DO NOTHING
                """).param("c", cluster).param("r", resource).param("k", object.getKind()).param("ns", ns)
                .param("n", object.getMetadata().getName()).param("uid", object.getMetadata().getUid())
                .param("labels", JSON.asJson(object.getMetadata().getLabels()))
                .param("t", OffsetDateTime.parse("2025-01-01T00:00:00Z")).param("o", JSON.asJson(object)).update();
        cache.changed(List.of("/" + resource));
    }

    private static HasMetadata configMap(String name, String label) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(Map.of("perm", label)).endMetadata()
                .withData(Map.of("k", "v")).build();
    }

    private static HasMetadata secret(String name, String label) {
        return new SecretBuilder().withNewMetadata().withName(name).withLabels(Map.of("perm", label)).endMetadata()
                .withStringData(Map.of("password", "hunter2")).build();
    }

    private static PediaClient pedia(Api api, String user) {
        String key = api.post("/api/v1/accesskeys", Map.of("name", unique(user))).json().get("secret").asString();
        return new PediaClient(api.base(), "Bearer " + key);
    }

    @Test
    void membersOfTwoWorkspacesSeeCountAndPageOnlyTheirOwnNamespaces() {
        if (api.get("/api/v1/clusters/" + CLUSTER).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", CLUSTER, "kubeconfig", sandbox.kubeconfig()))
                    .status()).isEqualTo(201);
        }
        String label = unique("p");
        String nsA = unique("ns-a");
        String nsB = unique("ns-b");
        String nsC = unique("ns-c");
        for (int i = 1; i <= 3; i++) {
            both(nsA, configMap("cm-a" + i, label));
        }
        both(nsB, configMap("cm-b1", label));
        both(nsC, configMap("cm-c1", label));
        both(nsA, secret("s-a1", label));
        both(nsB, secret("s-b1", label));
        row(unique("unregistered"), nsA, configMap("cm-x1", label));

        IamFixtures iam = new IamFixtures(api);
        String wsA = iam.workspace(unique("ws-a"), null);
        String wsB = iam.workspace(unique("ws-b"), null);
        assertThat(api.post("/api/v1/workspaces/" + wsA + "/resourcebindings",
                Map.of("cluster", CLUSTER, "namespace", nsA)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/workspaces/" + wsB + "/resourcebindings",
                Map.of("cluster", CLUSTER, "namespace", nsB)).status()).isEqualTo(201);
        String alice = unique("alice");
        String bob = unique("bob");
        String carol = unique("carol");
        Api aliceApi = iam.basicUser(alice);
        Api bobApi = iam.basicUser(bob);
        Api carolApi = iam.basicUser(carol);
        iam.bind(alice, "Workspace Viewer", workspaceScope(wsA));
        iam.bind(bob, "Workspace Editor", workspaceScope(wsB));
        PediaClient a = pedia(aliceApi, alice);
        PediaClient b = pedia(bobApi, bob);
        PediaClient c = pedia(carolApi, carol);
        String cms = R + "/api/v1/configmaps";

        assertThat(a.get(query(cms, "labelSelector", "perm=" + label)).keys())
                .containsExactly(CLUSTER + "/" + nsA + "/cm-a1", CLUSTER + "/" + nsA + "/cm-a2",
                        CLUSTER + "/" + nsA + "/cm-a3");
        assertThat(b.get(query(cms, "labelSelector", "perm=" + label)).keys())
                .containsExactly(CLUSTER + "/" + nsB + "/cm-b1");
        assertThat(c.get(query(cms, "labelSelector", "perm=" + label)).keys()).isEmpty();

        // counts and pages never include what the caller may not read
        PediaClient.Reply page1 = a.get(query(cms, "labelSelector", "perm=" + label, "limit", "2",
                "withRemainingCount", "true"));
        assertThat(page1.json().get("metadata").get("remainingItemCount").asLong()).isEqualTo(1);
        PediaClient.Reply page2 = a.get(query(cms, "labelSelector", "perm=" + label, "limit", "2",
                "continue", page1.continueToken()));
        assertThat(page2.keys()).containsExactly(CLUSTER + "/" + nsA + "/cm-a3");
        assertThat(page2.continueToken()).isNull();
        // offset skips only what the caller may read
        assertThat(a.get(query(cms, "labelSelector", "perm=" + label, "offset", "1")).keys())
                .containsExactly(CLUSTER + "/" + nsA + "/cm-a2", CLUSTER + "/" + nsA + "/cm-a3");
        assertThat(b.get(query(cms, "labelSelector", "perm=" + label, "offset", "1")).keys()).isEmpty();

        // explicit filters cannot widen it, names of others do not leak through get
        assertThat(a.get(query(cms, "namespaces", nsB + "," + nsC, "labelSelector", "perm=" + label)).keys()).isEmpty();
        assertThat(a.get(R + "/clusters/" + CLUSTER + "/api/v1/namespaces/" + nsB + "/configmaps/cm-b1").status())
                .isEqualTo(404);
        assertThat(b.get(R + "/clusters/" + CLUSTER + "/api/v1/namespaces/" + nsB + "/configmaps/cm-b1").status())
                .isEqualTo(200);

        // secrets: metadata only in the index, and only for those who may list secrets
        assertThat(a.get(query(R + "/api/v1/secrets", "labelSelector", "perm=" + label)).keys()).isEmpty();
        PediaClient.Reply secrets = b.get(query(R + "/api/v1/secrets", "labelSelector", "perm=" + label));
        assertThat(secrets.keys()).containsExactly(CLUSTER + "/" + nsB + "/s-b1");
        assertThat(secrets.body()).doesNotContain("hunter2").doesNotContain("aHVudGVyMg");

        // the console's REST search applies the same filter
        JsonNode rest = aliceApi.get(query("/api/v1/search", "resources", "configmaps,secrets", "labelSelector",
                "perm=" + label)).json();
        assertThat(rest.get("items").valueStream().map(i -> i.get("namespace").asString()).distinct().toList())
                .isEqualTo(List.of(nsA));
        assertThat(rest.get("items")).hasSize(3);

        // collections too
        assertThat(a.get(query("/apis/clusterpedia.io/v1beta1/collectionresources/any", "resources",
                "configmaps,secrets", "labelSelector", "perm=" + label)).keys()).hasSize(3);
    }
}
