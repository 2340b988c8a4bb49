package io.flotilla.search;

import static io.flotilla.search.PediaClient.query;
import static io.flotilla.support.IamFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.support.ServerTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The Clusterpedia-compatible API over rows written straight into the index, as an administrator. */
class SearchApiIT extends ServerTestBase {

    private static final String R = PediaPath.PREFIX;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchCache cache;

    @Autowired
    SearchTypes types;

    private SearchRows rows;
    private PediaClient admin;
    private String east;
    private String west;
    private Map<String, SearchRows.Ref> eastFleet;

    @BeforeEach
    void fleet() {
        rows = new SearchRows(jdbc, cache);
        east = unique("east");
        west = unique("west");
        eastFleet = rows.fleet(east);
        rows.fleet(west);
        String key = api.post("/api/v1/accesskeys", Map.of("name", unique("search"))).json().get("secret").asString();
        admin = new PediaClient(api.base(), "Bearer " + key);
    }

    private String both() {
        return east + "," + west;
    }

    private List<String> keys(String path, String... pairs) {
        PediaClient.Reply r = admin.get(query(path, pairs));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.keys();
    }

    @Test
    void listsPodsOfEveryClusterAsAPodListWithTheClusterAnnotation() {
        PediaClient.Reply r = admin.get(query(R + "/api/v1/pods", "clusters", both()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list.get("kind").asString()).isEqualTo("PodList");
        assertThat(list.get("apiVersion").asString()).isEqualTo("v1");
        assertThat(r.keys()).hasSize(10).containsExactly(
                east + "/ops/db-5c8f-1", east + "/shop/debug", east + "/shop/web-7d4b9-1", east + "/shop/web-7d4b9-2",
                east + "/shop/web-7d4b9-3", west + "/ops/db-5c8f-1", west + "/shop/debug", west + "/shop/web-7d4b9-1",
                west + "/shop/web-7d4b9-2", west + "/shop/web-7d4b9-3");
        JsonNode pod = list.get("items").get(0);
        assertThat(pod.get("kind").asString()).isEqualTo("Pod");
        assertThat(pod.get("spec").get("containers").get(0).get("image").asString()).isEqualTo("nginx:1.25");
    }

    @Test
    void scopesToTheClusterAndNamespaceInThePath() {
        assertThat(keys(R + "/clusters/" + east + "/apis/apps/v1/namespaces/shop/deployments"))
                .containsExactly(east + "/shop/web");
        assertThat(keys(R + "/clusters/" + west + "/api/v1/nodes")).containsExactly(west + "//node-1", west + "//node-2");
        assertThat(keys(R + "/apis/apps/v1/namespaces/ops/replicasets", "clusters", both()))
                .containsExactly(east + "/ops/db-5c8f", west + "/ops/db-5c8f");
    }

    @Test
    void getsOneObjectByNameAndWarnsWhenSeveralClustersHaveIt() {
        PediaClient.Reply one = admin.get(R + "/clusters/" + east + "/api/v1/namespaces/shop/pods/debug");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("metadata").get("uid").asString()).isEqualTo(eastFleet.get("debug").uid());
        assertThat(one.json().get("metadata").get("annotations").get("team").asString()).isEqualTo("x");

        PediaClient.Reply shared = admin.get(query(R + "/api/v1/namespaces/shop/pods/debug", "clusters", both()));
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.raw().headers().firstValue("Warning").orElse("")).contains(east).contains(west);

        PediaClient.Reply missing = admin.get(R + "/clusters/" + east + "/api/v1/namespaces/shop/pods/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("kind").asString()).isEqualTo("Status");
        assertThat(missing.json().get("reason").asString()).isEqualTo("NotFound");
    }

    @Test
    void filtersByEverySearchParameter() {
        String web1 = eastFleet.get("web-1").key();
        String web2 = eastFleet.get("web-2").key();
        String web3 = eastFleet.get("web-3").key();
        String db1 = eastFleet.get("db-1").key();
        String debug = eastFleet.get("debug").key();
        String pods = R + "/clusters/" + east + "/api/v1/pods";
        Map<String[], List<String>> cases = new LinkedHashMap<>();
        cases.put(new String[] {"namespaces", "ops"}, List.of(db1));
        cases.put(new String[] {"names", "debug,db-5c8f-1"}, List.of(db1, debug));
        cases.put(new String[] {"labelSelector", "app=web"}, List.of(web1, web2, web3));
        cases.put(new String[] {"labelSelector", "app!=web"}, List.of(db1, debug));
        cases.put(new String[] {"labelSelector", "app in (db, web),tier notin (front)"}, List.of(db1));
        cases.put(new String[] {"labelSelector", "tier"}, List.of(web1, web2, web3));
        cases.put(new String[] {"labelSelector", "!app"}, List.of(debug));
        cases.put(new String[] {"labelSelector", "search.clusterpedia.io/namespaces in (ops)"}, List.of(db1));
        cases.put(new String[] {"labelSelector", "search.clusterpedia.io/names=debug"}, List.of(debug));
        cases.put(new String[] {"labelSelector", "internalstorage.clusterpedia.io/fuzzy-name=BUG"}, List.of(debug));
        cases.put(new String[] {"fuzzyName", "7d4b9-"}, List.of(web1, web2, web3));
        cases.put(new String[] {"fieldSelector", "status.phase=Pending"}, List.of(db1));
        cases.put(new String[] {"fieldSelector", "status.phase!=Running"}, List.of(db1));
        cases.put(new String[] {"fieldSelector", "status.phase in (Pending,Failed)"}, List.of(db1));
        cases.put(new String[] {"fieldSelector", "spec.nodeName=node-2,metadata.namespace=shop"}, List.of(debug, web1, web3));
        cases.put(new String[] {"fieldSelector", "metadata.annotations['team']=x"}, List.of(debug));
        cases.put(new String[] {"fieldSelector", "spec.containers.0.image=nginx:1.25,metadata.name=debug"}, List.of(debug));
        cases.put(new String[] {"since", "2025-01-01T00:08:00Z"}, List.of(db1, debug));
        cases.put(new String[] {"before", "2025-01-01 00:04:00"}, List.of(web1));
        cases.put(new String[] {"labelSelector", "search.clusterpedia.io/since=1735689840,search.clusterpedia.io/before=1735690080"},
                List.of(web2, web3));
        cases.put(new String[] {"ownerUID", eastFleet.get("web-rs").uid()}, List.of(web1, web2, web3));
        cases.put(new String[] {"ownerUID", eastFleet.get("web").uid(), "ownerSeniority", "1"}, List.of(web1, web2, web3));
        cases.put(new String[] {"ownerName", "db", "ownerGR", "deployments.apps", "ownerSeniority", "1"}, List.of(db1));
        cases.put(new String[] {"ownerName", "db", "ownerGR", "replicasets.apps", "ownerSeniority", "1"}, List.of());
        cases.put(new String[] {"labelSelector", "search.clusterpedia.io/owner-name=web-7d4b9"}, List.of(web1, web2, web3));
        cases.forEach((params, expected) -> assertThat(keys(pods, params)).as(String.join(" ", params))
                .containsExactlyElementsOf(expected));
        assertThat(keys(R + "/api/v1/pods", "labelSelector", "search.clusterpedia.io/clusters=" + west + ",app=db"))
                .containsExactly(west + "/ops/db-5c8f-1");
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "labelSelector",
                "search.clusterpedia.io/clusters notin (" + east + ")", "names", "debug"))
                .containsExactly(west + "/shop/debug");
        assertThat(keys(R + "/apis/apps/v1/deployments", "clusters", both(), "ownerName", "web", "ownerSeniority", "0"))
                .isEmpty();
    }

    @Test
    void ownerChainsAnswerExactlyTheSameOnceTheirPlanIsKeptAndReused() {
        // owner statements are prepared on the server, where PostgreSQL switches to a kept generic plan after
        // five executions: the answers must not change when it does (read from the index each time)
        String pods = R + "/clusters/" + east + "/api/v1/pods";
        List<String> web = List.of(eastFleet.get("web-1").key(), eastFleet.get("web-2").key(),
                eastFleet.get("web-3").key());
        List<String> db = List.of(eastFleet.get("db-1").key());
        for (int i = 0; i < 12; i++) {
            String owner = i % 3 == 0 ? "web" : i % 3 == 1 ? "db" : "no-such-deployment";
            PediaClient.Reply r = admin.getFresh(query(pods, "ownerName", owner, "ownerGR", "deployments.apps",
                    "ownerSeniority", "1"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.keys()).as("round " + i + ", owner " + owner)
                    .containsExactlyElementsOf(owner.equals("web") ? web : owner.equals("db") ? db : List.of());
        }
    }

    @Test
    void ordersByAnyAllowedColumnInBothDirections() {
        String pods = R + "/clusters/" + east + "/api/v1/pods";
        assertThat(keys(pods, "orderby", "name desc")).extracting(k -> k.substring(k.lastIndexOf('/') + 1))
                .containsExactly("web-7d4b9-3", "web-7d4b9-2", "web-7d4b9-1", "debug", "db-5c8f-1");
        assertThat(keys(pods, "orderby", "created_at desc")).extracting(k -> k.substring(k.lastIndexOf('/') + 1))
                .containsExactly("debug", "db-5c8f-1", "web-7d4b9-3", "web-7d4b9-2", "web-7d4b9-1");
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "names", "debug", "orderby", "cluster desc"))
                .containsExactly(west + "/shop/debug", east + "/shop/debug");
        assertThat(keys(pods, "labelSelector", "search.clusterpedia.io/orderby in (namespace_desc, name)"))
                .extracting(k -> k.substring(k.lastIndexOf('/') + 1))
                .containsExactly("debug", "web-7d4b9-1", "web-7d4b9-2", "web-7d4b9-3", "db-5c8f-1");
        assertThat(keys(pods, "orderby", "resource_version,name")).hasSize(5);
    }

    @Test
    void pagesWithoutDuplicatesOrGapsWhileObjectsChange() {
        String cluster = unique("paging");
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.pod(cluster, i % 2 == 0 ? "a" : "b", "p-" + (100 + i), null, Map.of("app", "p"), "Running", "n", i,
                    Map.of());
            stable.add(cluster + "/" + (i % 2 == 0 ? "a" : "b") + "/p-" + (100 + i));
        }
        for (String order : List.of("", "name desc", "created_at", "namespace desc,name")) {
            List<String> seen = new ArrayList<>();
            String token = null;
            int page = 0;
            do {
                List<String> params = new ArrayList<>(List.of("limit", "7", "clusters", cluster));
                if (!order.isEmpty()) {
                    params.addAll(List.of("orderby", order));
                }
                if (token != null) {
                    params.addAll(List.of("continue", token));
                }
                PediaClient.Reply r = admin.get(query(R + "/api/v1/pods", params.toArray(String[]::new)));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                seen.addAll(r.keys());
                token = r.continueToken();
                // objects come and go between pages: new ones before and after the cursor, and deletions
                rows.pod(cluster, "a", "p-0" + order.length() + page, null, Map.of(), "Running", "n", 99, Map.of());
                rows.pod(cluster, "b", "p-9" + order.length() + page, null, Map.of(), "Running", "n", 99, Map.of());
                rows.delete(cluster, "pods", "a", "p-0" + order.length() + (page - 1));
                page++;
            } while (token != null && page < 50);
            assertThat(seen).as(order).doesNotHaveDuplicates().containsAll(stable);
        }
    }

    @Test
    void pagesWithOffsetLikeClusterpediaAndContinuesFromThere() {
        List<String> all = keys(R + "/api/v1/pods", "clusters", both(), "orderby", "name");
        assertThat(all).hasSize(10);
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "orderby", "name", "limit", "3", "offset", "4"))
                .containsExactlyElementsOf(all.subList(4, 7));
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "orderby", "name", "limit", "3",
                "labelSelector", "search.clusterpedia.io/offset=8")).containsExactlyElementsOf(all.subList(8, 10));
        PediaClient.Reply r = admin.get(query(R + "/api/v1/pods", "clusters", both(), "orderby", "name", "limit", "3",
                "offset", "2", "withRemainingCount", "true"));
        assertThat(r.json().get("metadata").get("remainingItemCount").asLong()).isEqualTo(5);
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "orderby", "name", "limit", "3", "continue",
                r.continueToken())).containsExactlyElementsOf(all.subList(5, 8));
        assertThat(keys(R + "/api/v1/pods", "clusters", both(), "offset", "50")).isEmpty();
        PediaClient.Reply bad = admin.get(query(R + "/api/v1/pods", "offset", "10001"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("offset").contains("continue");
    }

    @Test
    void countsTheRemainingItemsWhenAsked() {
        PediaClient.Reply r = admin.get(query(R + "/api/v1/pods", "clusters", both(), "limit", "3",
                "withRemainingCount", "true"));
        assertThat(r.json().get("metadata").get("remainingItemCount").asLong()).isEqualTo(7);
        PediaClient.Reply next = admin.get(query(R + "/api/v1/pods", "clusters", both(), "limit", "3",
                "withRemainingCount", "true", "continue", r.continueToken()));
        assertThat(next.json().get("metadata").get("remainingItemCount").asLong()).isEqualTo(4);
        PediaClient.Reply without = admin.get(query(R + "/api/v1/pods", "clusters", both(), "limit", "3",
                "withContinue", "false"));
        assertThat(without.continueToken()).isNull();
        assertThat(without.keys()).hasSize(3);
    }

    @Test
    void servesTablesWithAClusterColumnFirst() {
        PediaClient.Reply r = admin.get(query(R + "/api/v1/pods", "clusters", east, "labelSelector", "app=web"),
                PediaClient.TABLE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode table = r.json();
        assertThat(table.get("kind").asString()).isEqualTo("Table");
        List<String> columns = new ArrayList<>();
        table.get("columnDefinitions").forEach(c -> columns.add(c.get("name").asString()));
        assertThat(columns).startsWith("Cluster", "Name", "Ready", "Status", "Restarts", "Age");
        JsonNode row = table.get("rows").get(0);
        assertThat(row.get("cells").get(0).asString()).isEqualTo(east);
        assertThat(row.get("cells").get(1).asString()).isEqualTo("web-7d4b9-1");
        assertThat(row.get("cells").get(2).asString()).isEqualTo("1/1");
        assertThat(row.get("object").get("kind").asString()).isEqualTo("PartialObjectMetadata");
        assertThat(row.get("object").get("metadata").get("annotations").get("shadow.clusterpedia.io/cluster-name")
                .asString()).isEqualTo(east);
    }

    @Test
    void servesDiscoveryForKubectl() {
        JsonNode core = admin.get(R + "/api/v1").json();
        assertThat(core.get("kind").asString()).isEqualTo("APIResourceList");
        JsonNode podType = null;
        for (JsonNode t : core.get("resources")) {
            if (t.get("name").asString().equals("pods")) {
                podType = t;
            }
        }
        assertThat(podType).isNotNull();
        assertThat(podType.get("verbs").toString()).isEqualTo("[\"get\",\"list\"]");
        assertThat(podType.get("namespaced").asBoolean()).isTrue();
        assertThat(admin.get(R + "/api").json().get("versions").get(0).asString()).isEqualTo("v1");
        assertThat(admin.get(R + "/apis").body()).contains("\"name\":\"apps\"");
        assertThat(admin.get(R + "/clusters/" + east + "/apis/apps/v1").body()).contains("\"deployments\"");
        assertThat(admin.get(R + "/apis/nothing.example.com/v1").status()).isEqualTo(404);
    }

    @Test
    void servesCustomResourcesFoundInTheIndex() {
        String group = unique("widgets").replace("-", "") + ".example.com";
        jdbc.sql("""
                INSERT INTO search_resources (cluster, api_group, version, resource, kind, namespace, name, uid,
                    labels, resource_version, created_at, object)
                VALUES (:c, :g, 'v1alpha1', 'widgets', 'Widget', 'shop', 'w1', 'u-w1', '{}'::jsonb, '1', now(),
                    CAST(:o AS jsonb))
                """).param("c", east).param("g", group)
                .param("o", "{\"apiVersion\":\"" + group + "/v1alpha1\",\"kind\":\"Widget\",\"metadata\":"
                        + "{\"name\":\"w1\",\"namespace\":\"shop\"},\"spec\":{\"size\":3}}").update();
        cache.changed(List.of(group + "/widgets"));
        types.refresh();
        assertThat(admin.get(R + "/apis").body()).contains("\"name\":\"" + group + "\"");
        assertThat(admin.get(R + "/apis/" + group + "/v1alpha1").body()).contains("\"kind\":\"Widget\"")
                .contains("\"namespaced\":true");
        PediaClient.Reply widgets = admin.get(query(R + "/apis/" + group + "/v1alpha1/widgets", "clusters", east));
        assertThat(widgets.json().get("kind").asString()).isEqualTo("WidgetList");
        assertThat(widgets.keys()).containsExactly(east + "/shop/w1");
        assertThat(widgets.json().get("items").get(0).get("spec").get("size").asInt()).isEqualTo(3);
    }

    @Test
    void servesCollectionResources() {
        String base = "/apis/clusterpedia.io/v1beta1/collectionresources";
        PediaClient.Reply workloads = admin.get(query(base + "/workloads", "clusters", east));
        assertThat(workloads.status()).as(workloads.body()).isEqualTo(200);
        assertThat(workloads.json().get("kind").asString()).isEqualTo("CollectionResource");
        assertThat(workloads.keys()).containsExactly(east + "/ops/db", east + "/shop/web");
        PediaClient.Reply any = admin.get(query(base + "/any", "clusters", east, "resources", "pods,apps/replicasets",
                "namespaces", "ops", "onlyMetadata", "true"));
        assertThat(any.keys()).containsExactly(east + "/ops/db-5c8f-1", east + "/ops/db-5c8f");
        assertThat(any.json().get("items").get(0).has("spec")).isFalse();
        assertThat(admin.get(query(base + "/kuberesources", "clusters", east, "names", "web")).keys())
                .containsExactly(east + "/shop/web");
        assertThat(admin.get(base).body()).contains("workloads").contains("kuberesources");
        assertThat(admin.get(base + "/any").status()).isEqualTo(400);
        assertThat(admin.get(base + "/nothing").status()).isEqualTo(404);
    }

    @Test
    void answersBadInputWithKubernetesStatusNeverA500() {
        String pods = R + "/api/v1/pods";
        PediaClient.Reply first = admin.get(query(pods, "clusters", both(), "limit", "2"));
        String token = first.continueToken();
        char[] forged = token.toCharArray();
        forged[5] = forged[5] == 'A' ? 'B' : 'A';
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put(query(R + "/api/v1/widgets"), 404);
        cases.put(query(R + "/apis/apps/v2/deployments"), 404);
        cases.put(query(R + "/api/v1/namespaces/x/nodes"), 404);
        cases.put(query(pods, "labelSelector", "app in (web"), 400);
        cases.put(query(pods, "labelSelector", "search.clusterpedia.io/unknown=1"), 400);
        cases.put(query(pods, "fieldSelector", "status.phase~Running"), 400);
        cases.put(query(pods, "limit", "5001"), 400);
        cases.put(query(pods, "orderby", "uid"), 400);
        cases.put(query(pods, "orderby", "name; DROP TABLE search_resources"), 400);
        cases.put(query(pods, "clusters", both(), "limit", "2", "continue", new String(forged)), 400);
        cases.put(query(pods, "clusters", both(), "limit", "2", "continue", "garbage'--"), 400);
        cases.put(query(pods, "clusters", both(), "labelSelector", "app=web", "limit", "2", "continue", token), 400);
        cases.put(query(pods, "since", "tomorrow"), 400);
        cases.put(query(pods, "ownerSeniority", "1"), 400);
        cases.put(query(pods, "watch", "true"), 405);
        cases.forEach((path, code) -> {
            PediaClient.Reply r = admin.get(path);
            assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(code);
            assertThat(r.json().get("kind").asString()).isEqualTo("Status");
            assertThat(r.json().get("code").asInt()).isEqualTo(code);
            assertThat(r.json().get("message").asString()).isNotBlank();
        });
        PediaClient.Reply post = admin.post(pods);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("reason").asString()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void treatsHostileValuesAsData() {
        String hostile = "x'; DROP TABLE search_resources; --";
        String pods = R + "/api/v1/pods";
        List<String[]> attacks = List.of(
                new String[] {"clusters", hostile}, new String[] {"namespaces", hostile}, new String[] {"names", hostile},
                new String[] {"fuzzyName", hostile}, new String[] {"ownerUID", hostile},
                new String[] {"ownerName", hostile, "ownerGR", "deployments.apps"},
                new String[] {"fieldSelector", "metadata.annotations['" + hostile.replace("'", "\"") + "']=" + hostile},
                new String[] {"fieldSelector", "status.phase in (" + hostile.replace(",", "") + ")"},
                new String[] {"labelSelector", "search.clusterpedia.io/clusters in (" + hostile.replace(",", "") + ")"});
        for (String[] attack : attacks) {
            PediaClient.Reply r = admin.get(query(pods, attack));
            assertThat(r.status()).as(String.join(" ", attack) + " → " + r.body()).isEqualTo(200);
            assertThat(r.json().get("items")).isEmpty();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c").param("c", east)
                .query(Long.class).single()).isEqualTo(13);
    }

    @Test
    void refusesCallersWithoutCredentialsWithAStatus() {
        PediaClient.Reply anonymous = new PediaClient(api.base(), null).get(R + "/api/v1/pods");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("kind").asString()).isEqualTo("Status");
        assertThat(anonymous.json().get("reason").asString()).isEqualTo("Unauthorized");
        PediaClient.Reply badKey = new PediaClient(api.base(), "Bearer flk_not-a-key").get(R + "/api/v1/pods");
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.json().get("kind").asString()).isEqualTo("Status");
    }

    @Test
    void restSearchAnswersSummaryRowsAndProblems() {
        var r = api.get(query("/api/v1/search", "resources", "pods,deploy", "clusters", east, "labelSelector",
                "app=web", "limit", "2", "withRemainingCount", "true"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.get("items")).hasSize(2);
        JsonNode pod = page.get("items").get(0);
        assertThat(pod.get("cluster").asString()).isEqualTo(east);
        assertThat(pod.get("kind").asString()).isEqualTo("Pod");
        assertThat(pod.get("status").asString()).isEqualTo("Running");
        assertThat(pod.get("node").asString()).startsWith("node-");
        assertThat(pod.get("ready").asString()).isEqualTo("1/1");
        assertThat(pod.get("labels").get("app").asString()).isEqualTo("web");
        assertThat(page.get("remainingItemCount").asLong()).isEqualTo(2);
        var next = api.get(query("/api/v1/search", "resources", "pods,deploy", "clusters", east, "labelSelector",
                "app=web", "limit", "2", "continue", page.get("continue").asString()));
        JsonNode deployment = next.json().get("items").get(1);
        assertThat(deployment.get("kind").asString()).isEqualTo("Deployment");
        assertThat(deployment.get("group").asString()).isEqualTo("apps");
        assertThat(deployment.get("ready").asString()).isEqualTo("3/3");
        assertThat(next.json().get("continue").isNull()).isTrue();
        var skipped = api.get(query("/api/v1/search", "resources", "pods,deploy", "clusters", east, "labelSelector",
                "app=web", "limit", "2", "offset", "2"));
        assertThat(skipped.json().get("items").get(1).get("kind").asString()).isEqualTo("Deployment");
        var both = api.get(query("/api/v1/search", "resources", "pods", "offset", "1", "continue",
                page.get("continue").asString()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        var bad = api.get(query("/api/v1/search", "resources", "no-such-things"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.get(query("/api/v1/search", "resources", "pods", "orderby", "bogus")).status()).isEqualTo(400);
        String openapi = api.get("/api/openapi").body();
        assertThat(openapi).contains("\"/api/v1/search\"").contains("ownerSeniority").contains("fieldSelector")
                .contains("results to skip");
    }
}
