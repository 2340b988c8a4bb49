package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private final UUID root = UUID.randomUUID();
    private final UUID team = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID wsA = UUID.randomUUID();
    private final UUID wsB = UUID.randomUUID();

    /** root ⊃ team ⊃ wsA; root ⊃ other ⊃ wsB; wsA bound to c1/ns-a and cluster c2; wsB to c1/ns-b. */
    private PolicyEngine engine(PolicyInput.Binding... bindings) {
        Map<UUID, UUID> folders = new HashMap<>();
        folders.put(root, null);
        folders.put(team, root);
        folders.put(other, root);
        Map<UUID, UUID> workspaces = Map.of(wsA, team, wsB, other);
        Map<UUID, List<PolicyInput.BoundResource>> resources = Map.of(
                wsA, List.of(new PolicyInput.BoundResource("c1", "ns-a"), new PolicyInput.BoundResource("c2", null)),
                wsB, List.of(new PolicyInput.BoundResource("c1", "ns-b")));
        return new PolicyEngine(new PolicyInput(List.of(bindings), folders, workspaces, resources));
    }

    private static PolicyInput.Binding bind(Role role, Scope scope) {
        return new PolicyInput.Binding(role, scope, "user");
    }

    @Test
    void deniesEverythingWithoutBindings() {
        PolicyEngine e = engine();
        assertThat(e.decide("get", "clusters", new Scope.Cluster("c1")).allowed()).isFalse();
        assertThat(e.decide("list", "pods", new Scope.Namespace("c1", "ns-a")).allowed()).isFalse();
        assertThat(e.decide("list", "users", Scope.PLATFORM).allowed()).isFalse();
        assertThat(e.listable("pods", "list").isEmpty()).isTrue();
    }

    @Test
    void platformAdminMayDoAnythingAnywhere() {
        PolicyEngine e = engine(bind(Role.ADMIN, Scope.PLATFORM));
        assertThat(e.decide("delete", "clusters", new Scope.Cluster("c9")).allowed()).isTrue();
        assertThat(e.decide("create", "rolebindings", new Scope.Folder(team)).allowed()).isTrue();
        assertThat(e.listable("pods", "list").all()).isTrue();
    }

    @Test
    void workspaceAdminMapsToNsAdminOnBoundNamespaceAndClusterAdminOnBoundCluster() {
        PolicyEngine e = engine(bind(Role.WORKSPACE_ADMIN, new Scope.Workspace(wsA)));
        assertThat(e.decide("delete", "pods", new Scope.Namespace("c1", "ns-a")).allowed()).isTrue();
        assertThat(e.decide("delete", "pods", new Scope.Namespace("c1", "ns-b")).allowed()).isFalse();
        assertThat(e.decide("list", "nodes", new Scope.Cluster("c1")).allowed()).isFalse();
        assertThat(e.decide("list", "nodes", new Scope.Cluster("c2")).allowed()).isTrue();
        assertThat(e.decide("delete", "clusters", new Scope.Cluster("c2")).allowed()).isFalse();
        assertThat(e.decide("get", "clusters", new Scope.Cluster("c1")).allowed())
                .as("a cluster holding a bound namespace is visible").isTrue();
    }

    @Test
    void workspaceViewerMayReadButNotChangeOrReadSecrets() {
        PolicyEngine e = engine(bind(Role.WORKSPACE_VIEWER, new Scope.Workspace(wsA)));
        Scope ns = new Scope.Namespace("c1", "ns-a");
        assertThat(e.decide("list", "pods", ns).allowed()).isTrue();
        assertThat(e.decide("create", "deployments.apps", ns).allowed()).isFalse();
        assertThat(e.decide("get", "secrets", ns).allowed()).isFalse();
        assertThat(e.decide("create", "rolebindings", new Scope.Workspace(wsA)).allowed()).isFalse();
    }

    @Test
    void workspaceEditorEditsWorkloadsButNotRbacOrQuotas() {
        PolicyEngine e = engine(bind(Role.WORKSPACE_EDITOR, new Scope.Workspace(wsA)));
        Scope ns = new Scope.Namespace("c1", "ns-a");
        assertThat(e.decide("create", "deployments.apps", ns).allowed()).isTrue();
        assertThat(e.decide("update", "resourcequotas", ns).allowed()).isFalse();
        assertThat(e.decide("get", "resourcequotas", ns).allowed()).isTrue();
        assertThat(e.decide("create", "rolebindings.rbac.authorization.k8s.io", ns).allowed()).isFalse();
        assertThat(e.decide("create", "rolebindings", new Scope.Workspace(wsA)).allowed()).isFalse();
        assertThat(e.decide("create", "namespaces", new Scope.Workspace(wsA)).allowed()).isTrue();
    }

    @Test
    void folderRolesAreInheritedByEverythingBelowButNotAboveOrBeside() {
        PolicyEngine e = engine(bind(Role.FOLDER_ADMIN, new Scope.Folder(team)));
        assertThat(e.decide("create", "workspaces", new Scope.Folder(team)).allowed()).isTrue();
        assertThat(e.decide("create", "rolebindings", new Scope.Workspace(wsA)).allowed()).isTrue();
        assertThat(e.decide("delete", "pods", new Scope.Namespace("c1", "ns-a")).allowed()).isTrue();
        assertThat(e.decide("create", "workspaces", new Scope.Folder(root)).allowed()).isFalse();
        assertThat(e.decide("create", "rolebindings", new Scope.Workspace(wsB)).allowed()).isFalse();
        assertThat(e.decide("get", "pods", new Scope.Namespace("c1", "ns-b")).allowed()).isFalse();
        assertThat(e.decide("get", "folders", new Scope.Folder(root)).allowed())
                .as("folders above are visible for navigation").isTrue();
        assertThat(e.decide("update", "folders", new Scope.Folder(root)).allowed()).isFalse();
        assertThat(e.decide("get", "folders", new Scope.Folder(other)).allowed()).isFalse();
    }

    @Test
    void namespaceRoleBoundClusterWideAppliesToEveryNamespaceOfThatClusterOnly() {
        PolicyEngine e = engine(bind(Role.NS_VIEW, new Scope.Cluster("c1")));
        assertThat(e.decide("list", "pods", new Scope.Namespace("c1", "anything")).allowed()).isTrue();
        assertThat(e.decide("list", "pods", new Scope.Namespace("c2", "anything")).allowed()).isFalse();
    }

    @Test
    void listableReportsWholeClustersAndSingleNamespaces() {
        PolicyEngine e = engine(bind(Role.WORKSPACE_VIEWER, new Scope.Workspace(wsA)),
                bind(Role.NS_EDIT, new Scope.Namespace("c3", "team")));
        Listable pods = e.listable("pods", "list");
        assertThat(pods.all()).isFalse();
        assertThat(pods.clusters()).containsExactly("c2");
        assertThat(pods.namespaces()).containsOnlyKeys("c1", "c3");
        assertThat(pods.namespaces().get("c1")).containsExactly("ns-a");
        assertThat(pods.allows("c1", "ns-b")).isFalse();
        Listable clusters = e.listable("clusters", "list");
        assertThat(clusters.anyClusters()).containsExactly("c1", "c2", "c3");
        Listable secrets = e.listable("secrets", "list");
        assertThat(secrets.namespaces()).containsOnlyKeys("c3");
    }

    @Test
    void auditOwnerReadsTheAuditLogOnly() {
        PolicyEngine e = engine(bind(Role.AUDIT_OWNER, Scope.PLATFORM));
        assertThat(e.decide("list", "audit", Scope.PLATFORM).allowed()).isTrue();
        assertThat(e.decide("delete", "audit", Scope.PLATFORM).allowed()).isFalse();
        assertThat(e.decide("list", "users", Scope.PLATFORM).allowed()).isFalse();
        assertThat(e.listable("clusters", "list").isEmpty()).isTrue();
    }

    @Test
    void clusterOwnerCoversAllClustersButNotIdentity() {
        PolicyEngine e = engine(bind(Role.CLUSTER_OWNER, Scope.PLATFORM));
        assertThat(e.decide("delete", "clusters", new Scope.Cluster("any")).allowed()).isTrue();
        assertThat(e.decide("delete", "pods", new Scope.Namespace("any", "ns")).allowed()).isTrue();
        assertThat(e.decide("create", "users", Scope.PLATFORM).allowed()).isFalse();
        assertThat(e.listable("clusters", "list").all()).isTrue();
    }

    @Test
    void corruptCyclicFolderDataDoesNotLoopForever() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        PolicyEngine e = new PolicyEngine(new PolicyInput(List.of(bind(Role.FOLDER_VIEWER, new Scope.Folder(a))),
                Map.of(a, b, b, a), Map.of(), Map.of()));
        assertThat(e.decide("get", "folders", new Scope.Folder(UUID.randomUUID())).allowed()).isFalse();
    }

    @Test
    void rolesAreFoundByDisplayNameAndBindOnlyToTheirScopeKind() {
        assertThat(Role.byName("workspace admin")).contains(Role.WORKSPACE_ADMIN);
        assertThat(Role.byName("Super User")).isEmpty();
        assertThat(Role.NS_VIEW.kind().accepts(new Scope.Cluster("c"))).isTrue();
        assertThat(Role.CLUSTER_ADMIN.kind().accepts(new Scope.Namespace("c", "n"))).isFalse();
        assertThat(Role.ADMIN.kind().accepts(new Scope.Workspace(UUID.randomUUID()))).isFalse();
    }
}
