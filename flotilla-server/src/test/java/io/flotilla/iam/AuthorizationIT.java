package io.flotilla.iam;

import static io.flotilla.support.IamFixtures.clusterScope;
import static io.flotilla.support.IamFixtures.folderScope;
import static io.flotilla.support.IamFixtures.namespaceScope;
import static io.flotilla.support.IamFixtures.platform;
import static io.flotilla.support.IamFixtures.unique;
import static io.flotilla.support.IamFixtures.workspaceScope;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorisation matrix, tenant isolation and escalation, all through the real HTTP endpoints.
 * World: cluster C with namespaces ns-a, ns-b, ns-x; folder ROOT ⊃ FA ⊃ WA (bound to C/ns-a) and
 * ROOT ⊃ FB ⊃ WB (bound to C/ns-b); one user per role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT extends ServerTestBase {

    private SandboxCluster sandbox;
    private Api admin;
    private IamFixtures iam;
    private final String c = unique("authz");
    private final String root = unique("root");
    private final String fa = unique("fa");
    private final String fb = unique("fb");
    private final String wa = unique("wa");
    private final String wb = unique("wb");
    private final String teamB = unique("team-b");
    private final Map<String, Api> as = new java.util.HashMap<>();
    private final Map<String, String> names = new java.util.HashMap<>();

    @BeforeAll
    void world() {
        sandbox = SandboxCluster.start(new SandboxSpec(c, 1, 0, 11));
        for (String ns : List.of("ns-a", "ns-b", "ns-x")) {
            sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                    .build()).create();
        }
        admin = IamFixtures.withKey(new Api("http://127.0.0.1:" + port, "admin", ADMIN_PASSWORD));
        iam = new IamFixtures(admin);
        assertThat(admin.post("/api/v1/clusters", Map.of("name", c, "kubeconfig", sandbox.kubeconfig())).status())
                .isEqualTo(201);
        iam.folder(root, null);
        iam.folder(fa, root);
        iam.folder(fb, root);
        iam.workspace(wa, fa);
        iam.workspace(wb, fb);
        bindResource(wa, "ns-a");
        bindResource(wb, "ns-b");
        person("wsAdminA", "Workspace Admin", workspaceScope(wa));
        person("wsEditorA", "Workspace Editor", workspaceScope(wa));
        person("wsViewerA", "Workspace Viewer", workspaceScope(wa));
        person("folderAdminA", "Folder Admin", folderScope(fa));
        person("auditor", "Audit Owner", platform());
        person("clusterOwner", "Cluster Owner", platform());
        person("iamOwner", "IAM Owner", platform());
        person("nsViewX", "NS View", namespaceScope(c, "ns-x"));
        person("outsider", null, null);
        person("memberB", null, null);
        iam.group(teamB, names.get("memberB"));
        assertThat(admin.post("/api/v1/rolebindings", IamFixtures.binding("group", teamB, "Workspace Viewer",
                workspaceScope(wb))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private void bindResource(String workspace, String namespace) {
        Api.Response r = admin.post("/api/v1/workspaces/" + workspace + "/resourcebindings",
                Map.of("cluster", c, "namespace", namespace));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void person(String role, String roleName, Map<String, String> scope) {
        String name = unique(role.toLowerCase());
        names.put(role, name);
        as.put(role, iam.user(name));
        if (roleName != null) {
            iam.bind(name, roleName, scope);
        }
    }

    private record Case(String who, String method, String path, Object body, int expected) {}

    private Api.Response call(Case k) {
        Api api = as.get(k.who());
        return switch (k.method()) {
            case "GET" -> api.get(k.path());
            case "POST" -> api.post(k.path(), k.body());
            case "PATCH" -> api.patch(k.path(), k.body());
            case "DELETE" -> api.delete(k.path());
            default -> throw new IllegalArgumentException(k.method());
        };
    }

    private void check(List<Case> cases) {
        SoftAssertions soft = new SoftAssertions();
        for (Case k : cases) {
            Api.Response r = call(k);
            soft.assertThat(r.status()).as(k.who() + " " + k.method() + " " + k.path() + " → " + r.body())
                    .isEqualTo(k.expected());
        }
        soft.assertAll();
    }

    @Test
    void clusterRegistryMatrix() {
        String cp = "/api/v1/clusters/" + c;
        Map<String, Object> rename = Map.of("displayName", "renamed");
        check(List.of(
                new Case("clusterOwner", "GET", cp, null, 200),
                new Case("wsAdminA", "GET", cp, null, 200),
                new Case("wsViewerA", "GET", cp, null, 200),
                new Case("nsViewX", "GET", cp, null, 200),
                new Case("outsider", "GET", cp, null, 404),
                new Case("auditor", "GET", cp, null, 404),
                new Case("iamOwner", "GET", cp, null, 200),
                new Case("clusterOwner", "PATCH", cp, rename, 200),
                new Case("wsAdminA", "PATCH", cp, rename, 403),
                new Case("iamOwner", "PATCH", cp, rename, 403),
                new Case("outsider", "PATCH", cp, rename, 404),
                new Case("wsAdminA", "DELETE", cp, null, 403),
                new Case("outsider", "DELETE", cp, null, 404),
                new Case("clusterOwner", "POST", cp + "/probe", Map.of(), 200),
                new Case("wsEditorA", "POST", cp + "/probe", Map.of(), 403),
                new Case("outsider", "POST", cp + "/probe", Map.of(), 404),
                new Case("wsAdminA", "POST", "/api/v1/clusters", Map.of("name", "x", "server", "https://h:1",
                        "token", "t"), 403),
                new Case("outsider", "POST", "/api/v1/cluster-verifications", Map.of("server", "https://h:1",
                        "token", "t"), 403)));
    }

    @Test
    void clusterListShowsOnlyClustersThePrincipalHoldsARoleIn() {
        assertThat(names(as.get("wsViewerA").get("/api/v1/clusters?limit=500"))).contains(c);
        assertThat(names(as.get("nsViewX").get("/api/v1/clusters?limit=500"))).containsExactly(c);
        assertThat(names(as.get("outsider").get("/api/v1/clusters"))).isEmpty();
        assertThat(names(as.get("auditor").get("/api/v1/clusters"))).isEmpty();
        assertThat(names(as.get("clusterOwner").get("/api/v1/clusters?limit=500"))).contains(c);
    }

    @Test
    void identityAndAuditMatrix() {
        check(List.of(
                new Case("iamOwner", "GET", "/api/v1/users", null, 200),
                new Case("iamOwner", "POST", "/api/v1/groups", Map.of("name", unique("g")), 201),
                new Case("wsAdminA", "GET", "/api/v1/users", null, 403),
                new Case("clusterOwner", "POST", "/api/v1/users", Map.of("username", unique("u"), "password",
                        IamFixtures.PASSWORD), 403),
                new Case("auditor", "GET", "/api/v1/audit", null, 200),
                new Case("auditor", "GET", "/api/v1/audit/verify", null, 200),
                new Case("iamOwner", "GET", "/api/v1/audit", null, 403),
                new Case("clusterOwner", "GET", "/api/v1/audit", null, 403),
                new Case("outsider", "GET", "/api/v1/roles", null, 200),
                new Case("outsider", "GET", "/api/v1/users/" + names.get("wsAdminA"), null, 404),
                new Case("outsider", "GET", "/api/v1/users/" + names.get("outsider"), null, 200)));
    }

    @Test
    void tenancyMatrix() {
        check(List.of(
                new Case("wsViewerA", "GET", "/api/v1/workspaces/" + wa, null, 200),
                new Case("folderAdminA", "GET", "/api/v1/workspaces/" + wa, null, 200),
                new Case("memberB", "GET", "/api/v1/workspaces/" + wb, null, 200),
                new Case("memberB", "GET", "/api/v1/workspaces/" + wa, null, 404),
                new Case("outsider", "GET", "/api/v1/workspaces/" + wa, null, 404),
                new Case("wsViewerA", "GET", "/api/v1/folders/" + root, null, 200),
                new Case("wsViewerA", "GET", "/api/v1/folders/" + fb, null, 404),
                new Case("wsViewerA", "GET", "/api/v1/workspaces/" + wa + "/resourcebindings", null, 200),
                new Case("wsViewerA", "GET", "/api/v1/workspaces/" + wb + "/resourcebindings", null, 404),
                new Case("folderAdminA", "POST", "/api/v1/workspaces", Map.of("name", unique("ws"), "folder", fa), 201),
                new Case("folderAdminA", "POST", "/api/v1/folders", Map.of("name", unique("sub"), "parent", fa), 201),
                new Case("wsAdminA", "POST", "/api/v1/workspaces", Map.of("name", unique("ws"), "folder", fa), 403),
                new Case("iamOwner", "POST", "/api/v1/workspaces", Map.of("name", unique("ws"), "folder", fb), 201),
                new Case("wsAdminA", "PATCH", "/api/v1/workspaces/" + wa, Map.of("name", unique("renamed")), 403),
                new Case("outsider", "POST", "/api/v1/folders", Map.of("name", unique("top")), 403)));
    }

    @Test
    void workspaceRolesMapOntoBoundNamespacesOnly() {
        String mine = as.get("wsAdminA").get("/api/v1/me").body();
        assertThat(mine).contains("NS Admin", c + "/ns-a").doesNotContain("ns-b");
        assertThat(as.get("wsEditorA").get("/api/v1/me").body()).contains("NS Edit", c + "/ns-a");
        assertThat(as.get("memberB").get("/api/v1/me").body()).contains("NS View", c + "/ns-b", "via group " + teamB);
    }

    @Test
    void workspaceAdminGrantsWorkspaceRolesButEditorCannotEscalate() {
        String viewerOfA = fresh();
        check(List.of(
                new Case("wsEditorA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsEditorA"), "Workspace Admin", workspaceScope(wa)), 403),
                new Case("wsEditorA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsEditorA"), "Admin", platform()), 403),
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsAdminA"), "Admin", platform()), 403),
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsAdminA"), "Workspace Admin", workspaceScope(wb)), 422),
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsAdminA"), "NS Admin", namespaceScope(c, "ns-x")), 403),
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user", viewerOfA,
                        "Workspace Viewer", workspaceScope(wa)), 201)));
        assertThat(admin.withCredentials(viewerOfA, IamFixtures.PASSWORD).get("/api/v1/workspaces/" + wa).status())
                .as("the grant took effect").isEqualTo(200);
        assertThat(as.get("wsEditorA").get("/api/v1/me").json().get("platformRoles")).isEmpty();
    }

    @Test
    void folderAdminCannotActAboveOrBesideItsFolder() {
        check(List.of(
                new Case("folderAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("folderAdminA"), "Folder Admin", folderScope(root)), 403),
                new Case("folderAdminA", "POST", "/api/v1/workspaces", Map.of("name", unique("ws"), "folder", root),
                        403),
                new Case("folderAdminA", "POST", "/api/v1/workspaces", Map.of("name", unique("ws"), "folder", fb),
                        422),
                new Case("folderAdminA", "PATCH", "/api/v1/folders/" + fa, Map.of("parent", ""), 403),
                new Case("folderAdminA", "DELETE", "/api/v1/folders/" + fa, null, 403),
                new Case("folderAdminA", "PATCH", "/api/v1/workspaces/" + wa, Map.of("folder", fb), 422),
                new Case("folderAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        fresh(), "IAM Owner", platform()), 403),
                new Case("folderAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        fresh(), "Folder Viewer", folderScope(fa)), 201)));
    }

    @Test
    void iamOwnerGrantsPlatformRolesExceptAdmin() {
        check(List.of(
                new Case("iamOwner", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("iamOwner"), "Admin", platform()), 403),
                new Case("iamOwner", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        fresh(), "Cluster Owner", platform()), 201)));
    }

    @Test
    void resourceBindingNeedsRightsOnBothTheWorkspaceAndTheCluster() {
        Map<String, String> nsX = Map.of("cluster", c, "namespace", "ns-x");
        check(List.of(
                new Case("wsAdminA", "POST", "/api/v1/workspaces/" + wa + "/resourcebindings", nsX, 403),
                new Case("clusterOwner", "POST", "/api/v1/workspaces/" + wa + "/resourcebindings", Map.of("cluster",
                        c, "namespace", "ns-b"), 409),
                new Case("wsViewerA", "POST", "/api/v1/workspaces/" + wa + "/resourcebindings", nsX, 403),
                new Case("outsider", "POST", "/api/v1/workspaces/" + wa + "/resourcebindings", nsX, 404)));
    }

    @Test
    void aMemberOfWorkspaceACannotLearnAnythingAboutWorkspaceB() {
        Api member = as.get("wsViewerA");
        List<String> paths = List.of("/api/v1/me", "/api/v1/workspaces", "/api/v1/folders", "/api/v1/rolebindings",
                "/api/v1/clusters", "/api/v1/clusters/" + c, "/api/v1/roles", "/api/v1/accesskeys",
                "/api/v1/users/" + names.get("memberB"), "/api/v1/groups/" + teamB, "/api/v1/audit",
                "/api/v1/workspaces/" + wb, "/api/v1/workspaces/" + wb + "/resourcebindings",
                "/api/v1/workspaces/" + wb + "/quotas", "/api/v1/workspaces/" + wb + "/namespaces",
                "/api/v1/folders/" + fb, "/api/v1/rolebindings?workspace=" + wb, "/api/v1/folders?parent=" + fb,
                "/api/v1/workspaces?folder=" + fb);
        List<String> leaks = new ArrayList<>();
        for (String p : paths) {
            Api.Response r = member.get(p);
            if (r.status() == 200 && (r.body().contains("ns-b") || r.body().contains(wb.substring(3))
                    || r.body().contains(fb) || r.body().contains(teamB) || r.body().contains(names.get("memberB")))) {
                leaks.add(p + " → " + r.body());
            }
            assertThat(r.status()).as(p).isIn(200, 403, 404);
        }
        assertThat(leaks).isEmpty();
        assertThat(member.get("/api/v1/workspaces/" + wb).status()).isEqualTo(404);
        assertThat(member.get("/api/v1/workspaces/does-not-exist").json().get("detail").asString())
                .isEqualTo(member.get("/api/v1/workspaces/" + wb).json().get("detail").asString()
                        .replace(wb, "does-not-exist"));
        check(List.of(
                new Case("wsViewerA", "PATCH", "/api/v1/workspaces/" + wb, Map.of("name", "x"), 404),
                new Case("wsViewerA", "DELETE", "/api/v1/workspaces/" + wb, null, 404),
                new Case("wsViewerA", "POST", "/api/v1/workspaces/" + wb + "/namespaces", Map.of("cluster", c,
                        "name", "sneaky", "hard", Map.of("requests.cpu", "1")), 404),
                new Case("wsViewerA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("wsViewerA"), "Workspace Viewer", workspaceScope(wb)), 422)));
    }

    @Test
    void deniedBindingsToClustersAreRefusedBeforeExistenceIsRevealed() {
        check(List.of(
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("outsider"), "Cluster Admin", clusterScope("no-such-cluster")), 403),
                new Case("wsAdminA", "POST", "/api/v1/rolebindings", IamFixtures.binding("user",
                        names.get("outsider"), "Cluster Admin", clusterScope(c)), 403)));
    }

    /** A new user without roles, for grants that must not change the matrix's people. */
    private String fresh() {
        String name = unique("fresh");
        iam.user(name);
        return name;
    }

    private static List<String> names(Api.Response r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("name").asString()));
        return out;
    }
}
