package io.flotilla.iam;

import static io.flotilla.support.IamFixtures.clusterScope;
import static io.flotilla.support.IamFixtures.namespaceScope;
import static io.flotilla.support.IamFixtures.unique;
import static io.flotilla.support.IamFixtures.workspaceScope;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** Folder tree rules, bad input (nothing stored), resource bindings and shared-cluster quotas. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT extends ServerTestBase {

    private SandboxCluster sandbox;
    private Api admin;
    private IamFixtures iam;
    private final String c = unique("tenancy");

    @BeforeAll
    void cluster() {
        sandbox = SandboxCluster.start(new SandboxSpec(c, 1, 0, 5));
        sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("existing")
                .endMetadata().build()).create();
        admin = IamFixtures.withKey(new Api("http://127.0.0.1:" + port, "admin", ADMIN_PASSWORD));
        iam = new IamFixtures(admin);
        assertThat(admin.post("/api/v1/clusters", Map.of("name", c, "kubeconfig", sandbox.kubeconfig())).status())
                .isEqualTo(201);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private static Map<String, Object> folder(String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parent", parent);
        return body;
    }

    @Test
    void foldersNestAtMostFiveLevels() {
        String parent = null;
        String[] chain = new String[5];
        for (int i = 0; i < 5; i++) {
            chain[i] = iam.folder(unique("lvl" + (i + 1)), parent);
            parent = chain[i];
        }
        JsonNode deepest = admin.get("/api/v1/folders/" + chain[4]).json();
        assertThat(deepest.get("depth").asInt()).isEqualTo(5);
        assertThat(deepest.get("path")).hasSize(5);
        String sixth = unique("lvl6");
        Api.Response tooDeep = admin.post("/api/v1/folders", folder(sixth, chain[4]));
        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.json().get("detail").asString()).contains("at most 5");
        assertThat(admin.get("/api/v1/folders/" + sixth).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/workspaces", Map.of("name", unique("deep-ws"), "folder", chain[4])).status())
                .as("workspaces are leaves and do not count as a level").isEqualTo(201);

        String top = iam.folder(unique("subtree"), null);
        iam.folder(unique("child"), top);
        Api.Response moveTooDeep = admin.patch("/api/v1/folders/" + top, Map.of("parent", chain[3]));
        assertThat(moveTooDeep.status()).isEqualTo(422);
        assertThat(moveTooDeep.json().get("detail").asString()).contains("6 levels");
        assertThat(admin.get("/api/v1/folders/" + top).json().get("parent").isNull()).isTrue();
    }

    @Test
    void cyclicMovesAreRefusedAndChangeNothing() {
        String a = iam.folder(unique("cyc-a"), null);
        String b = iam.folder(unique("cyc-b"), a);
        String cc = iam.folder(unique("cyc-c"), b);
        for (String target : new String[] {a, b, cc}) {
            Api.Response r = admin.patch("/api/v1/folders/" + a, Map.of("parent", target));
            assertThat(r.status()).as(target).isEqualTo(422);
            assertThat(r.json().get("detail").asString()).contains("cycle");
        }
        assertThat(admin.get("/api/v1/folders/" + a).json().get("parent").isNull()).isTrue();
        Api.Response moved = admin.patch("/api/v1/folders/" + cc, Map.of("parent", a, "name", cc + "-x"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("path").toString()).contains(a).doesNotContain(b);
    }

    @Test
    void duplicateAndMalformedNamesAreRefused() {
        String f = iam.folder(unique("dupf"), null);
        assertThat(admin.post("/api/v1/folders", folder(f, null)).status()).isEqualTo(409);
        String w = iam.workspace(unique("dupw"), f);
        assertThat(admin.post("/api/v1/workspaces", Map.of("name", w)).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/folders", folder("Not_A_Label", null)).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/workspaces", Map.of("name", unique("w"), "folder", "no-such-folder")).status())
                .isEqualTo(422);
        String other = iam.folder(unique("other"), null);
        assertThat(admin.patch("/api/v1/folders/" + other, Map.of("name", f)).status()).isEqualTo(409);
    }

    @Test
    void foldersAndWorkspacesThatStillHoldSomethingCannotBeDeleted() {
        String f = iam.folder(unique("holder"), null);
        String w = iam.workspace(unique("held"), f);
        Api.Response folderDelete = admin.delete("/api/v1/folders/" + f);
        assertThat(folderDelete.status()).isEqualTo(409);
        assertThat(folderDelete.json().get("detail").asString()).contains("1 workspaces");
        String user = unique("holder-user");
        iam.user(user);
        String binding = iam.bind(user, "Workspace Viewer", workspaceScope(w));
        Api.Response wsDelete = admin.delete("/api/v1/workspaces/" + w);
        assertThat(wsDelete.status()).isEqualTo(409);
        assertThat(wsDelete.json().get("detail").asString()).contains("role bindings");
        assertThat(admin.delete("/api/v1/rolebindings/" + binding).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/workspaces/" + w).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/folders/" + f).status()).isEqualTo(204);
    }

    @Test
    void roleBindingsWithUnknownRolesSubjectsOrTargetsStoreNothing() {
        String user = unique("rb-user");
        iam.user(user);
        String w = iam.workspace(unique("rb-ws"), null);
        Api.Response unknownRole = admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user, "Overlord",
                workspaceScope(w)));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("detail").asString()).contains("unknown role 'Overlord'", "Workspace Admin");
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user, "Cluster Admin",
                workspaceScope(w))).status()).as("role on the wrong kind of scope").isEqualTo(400);
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("user", "no-such-user",
                "Workspace Viewer", workspaceScope(w))).status()).isEqualTo(422);
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user, "Workspace Viewer",
                workspaceScope("no-such-ws"))).status()).isEqualTo(422);
        Api.Response noCluster = admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user,
                "Cluster Admin", clusterScope("no-such-cluster")));
        assertThat(noCluster.status()).isEqualTo(422);
        assertThat(noCluster.json().get("detail").asString()).contains("not registered");
        Api.Response noNamespace = admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user, "NS View",
                namespaceScope(c, "no-such-ns")));
        assertThat(noNamespace.status()).isEqualTo(422);
        assertThat(noNamespace.json().get("detail").asString()).contains("does not exist in cluster");
        assertThat(admin.get("/api/v1/rolebindings?user=" + user).json().get("items")).isEmpty();

        iam.bind(user, "NS View", namespaceScope(c, "existing"));
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("user", user, "NS View",
                namespaceScope(c, "existing"))).status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/rolebindings?user=" + user).json().get("items")).hasSize(1);
    }

    @Test
    void resourceBindingsToMissingClustersOrNamespacesAndDuplicatesAreRefused() {
        String w = iam.workspace(unique("bind-ws"), null);
        String path = "/api/v1/workspaces/" + w + "/resourcebindings";
        assertThat(admin.post(path, Map.of("cluster", "no-such-cluster")).status()).isEqualTo(422);
        assertThat(admin.post(path, Map.of("cluster", c, "namespace", "no-such-ns")).status()).isEqualTo(422);
        assertThat(admin.post(path, Map.of("namespace", "existing")).status()).isEqualTo(400);
        assertThat(admin.get(path).json().get("items")).isEmpty();
        assertThat(admin.post(path, Map.of("cluster", c)).status()).isEqualTo(201);
        assertThat(admin.post(path, Map.of("cluster", c)).status()).isEqualTo(409);
        JsonNode items = admin.get(path).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(admin.delete(path + "/" + items.get(0).get("id").asString()).status()).isEqualTo(204);
    }

    @Test
    void sharedClusterMembersCreateNamespacesWithinQuotaAndTheClusterGetsTheResourceQuota() {
        String w = iam.workspace(unique("shared"), null);
        String editor = unique("shared-editor");
        Api member = iam.user(editor);
        iam.bind(editor, "Workspace Editor", workspaceScope(w));
        String quota = "/api/v1/workspaces/" + w + "/quotas/" + c;
        Api.Response shared = admin.put(quota, Map.of("hard", Map.of("requests.cpu", "2", "limits.memory", "4Gi",
                "persistentvolumeclaims", "3")));
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(member.put(quota, Map.of("hard", Map.of("requests.cpu", "100"))).status())
                .as("members may not raise their own quota").isEqualTo(403);

        String nsPath = "/api/v1/workspaces/" + w + "/namespaces";
        String first = unique("team");
        Api.Response created = member.post(nsPath, Map.of("cluster", c, "name", first, "hard",
                Map.of("requests.cpu", "1500m", "limits.memory", "3Gi", "persistentvolumeclaims", "2")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ResourceQuota rq = sandbox.client().resourceQuotas().inNamespace(first).withName("flotilla-workspace-quota")
                .get();
        assertThat(rq).isNotNull();
        assertThat(rq.getSpec().getHard().get("requests.cpu").toString()).isEqualTo("1500m");
        assertThat(rq.getSpec().getHard().get("limits.memory").toString()).isEqualTo("3Gi");
        assertThat(sandbox.client().namespaces().withName(first).get().getMetadata().getLabels())
                .containsEntry("flotilla.io/workspace", w);
        assertThat(member.get("/api/v1/me").body()).contains("NS Edit", c + "/" + first);

        String second = unique("team");
        Api.Response over = member.post(nsPath, Map.of("cluster", c, "name", second, "hard",
                Map.of("requests.cpu", "1", "limits.memory", "1Gi", "persistentvolumeclaims", "1")));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("detail").asString()).contains("requests.cpu 2.5 > 2");
        assertThat(sandbox.client().namespaces().withName(second).get()).as("nothing created").isNull();
        Api.Response missingKey = member.post(nsPath, Map.of("cluster", c, "name", second, "hard",
                Map.of("requests.cpu", "100m")));
        assertThat(missingKey.status()).isEqualTo(400);

        Api.Response belowUse = admin.put(quota, Map.of("hard", Map.of("requests.cpu", "1", "limits.memory", "4Gi",
                "persistentvolumeclaims", "3")));
        assertThat(belowUse.status()).isEqualTo(422);
        assertThat(belowUse.json().get("detail").asString()).contains("below");
        assertThat(admin.get("/api/v1/workspaces/" + w + "/quotas").json().get("items").get(0).get("hard")
                .get("requests.cpu").asString()).isEqualTo("2");
        JsonNode listed = admin.get("/api/v1/workspaces/" + w + "/quotas").json().get("items").get(0);
        assertThat(listed.get("allocated").get("requests.cpu").asString()).isEqualTo("1.5");
        assertThat(listed.get("namespaces").toString()).contains(first);

        assertThat(admin.delete(quota).status()).as("quota in use").isEqualTo(409);
        assertThat(member.delete(nsPath + "/" + c + "/" + first).status()).isEqualTo(403);
        assertThat(admin.delete(nsPath + "/" + c + "/" + first).status()).isEqualTo(204);
        assertThat(admin.delete(quota).status()).isEqualTo(204);
    }

    @Test
    void negativeMalformedOrUnknownQuotaValuesAreRefusedAndNothingIsStored() {
        String w = iam.workspace(unique("badquota"), null);
        String quota = "/api/v1/workspaces/" + w + "/quotas/" + c;
        assertThat(admin.put(quota, Map.of("hard", Map.of("requests.cpu", "-1"))).json().get("errors").toString())
                .contains("must not be negative");
        assertThat(admin.put(quota, Map.of("hard", Map.of("requests.cpu", "lots"))).status()).isEqualTo(400);
        assertThat(admin.put(quota, Map.of("hard", Map.of("gpus", "1"))).status()).isEqualTo(400);
        assertThat(admin.put(quota, Map.of("hard", Map.of("persistentvolumeclaims", "1.5"))).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/workspaces/" + w + "/quotas/no-such-cluster",
                Map.of("hard", Map.of("requests.cpu", "1"))).status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/workspaces/" + w + "/quotas").json().get("items")).isEmpty();
        assertThat(admin.post("/api/v1/workspaces/" + w + "/namespaces", Map.of("cluster", c, "name", unique("ns"),
                "hard", Map.of("requests.cpu", "1"))).status()).as("cluster not shared").isEqualTo(422);
    }
}
