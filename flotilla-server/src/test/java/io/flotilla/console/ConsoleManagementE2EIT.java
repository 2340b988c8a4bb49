package io.flotilla.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Global management in Debian Chromium: an admin builds the folder/workspace tree, binds one namespace
 * of a sandbox cluster to each of two workspaces, moves a workspace with the move dialog and grants a
 * user Workspace Viewer on one of them, all through the console; that user then sees only the bound
 * namespace and no edit buttons. Also: a group is created, given a member and deleted, and the page
 * reads in Chinese.
 */
class ConsoleManagementE2EIT extends ConsoleTestBase {

    @Override
    protected SandboxSpec sandboxSpec() {
        return new SandboxSpec(IamFixtures.unique("gm-ui"), 2, 0, 31);
    }

    private void namespaceWithDeployment(String cluster, String ns, String app) {
        apply(cluster, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        Api.Response created = api.post("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/workloads", Map.of(
                "kind", "deployments", "name", app, "namespace", ns, "replicas", 1,
                "containers", List.of(Map.of("name", "main", "image", "nginx:1.27"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static Locator node(Page page, String kind, String name) {
        return page.getByTestId("node-" + kind + ":" + name);
    }

    /** The tree item (li) of a folder, which holds the items below it. */
    private static Locator folderItem(Page page, String folder) {
        return page.getByTestId("tenancy-tree").locator("li")
                .filter(new Locator.FilterOptions().setHas(node(page, "folder", folder))).last();
    }

    @Test
    void workspaceViewerGrantedInTheConsoleSeesOnlyTheNamespaceBoundToItsWorkspace() {
        String cluster = integratedSandbox();
        String folder = IamFixtures.unique("dept");
        String other = IamFixtures.unique("lab");
        String wsA = IamFixtures.unique("ws-a");
        String wsB = IamFixtures.unique("ws-b");
        String nsA = IamFixtures.unique("ns-a");
        String nsB = IamFixtures.unique("ns-b");
        namespaceWithDeployment(cluster, nsA, "app-a");
        namespaceWithDeployment(cluster, nsB, "app-b");
        String viewer = IamFixtures.unique("viewer");
        new IamFixtures(api).basicUser(viewer);

        Page page = signIn("admin", ADMIN_PASSWORD, "/management/tenancy");
        try {
            page.waitForURL(base + "/management/tenancy");
            // the tree: two folders at the top level, workspace A in the first, B at the top level
            createInTree(page, "create-folder", folder);
            page.getByText("Clear selection").click();
            createInTree(page, "create-folder", other);
            node(page, "folder", folder).click();
            page.waitForURL(Pattern.compile(".*node=folder%3A" + folder + "$"));
            assertThat(page.getByText("New items go into folder " + folder)).isVisible();
            createInTree(page, "create-workspace", wsA);
            assertThat(folderItem(page, folder).getByTestId("node-workspace:" + wsA)).isVisible();
            page.getByText("Clear selection").click();
            createInTree(page, "create-workspace", wsB);
            assertThat(page.getByTestId("node-path")).hasText("/ " + wsB);

            // move B into the second folder with the move dialog: the tree and the path follow
            page.getByTestId("node-move").click();
            Locator target = page.getByTestId("move-target");
            assertThat(target.locator("option", new Locator.LocatorOptions().setHasText(other))).hasCount(1);
            target.selectOption(other);
            ConsoleBrowser.screenshot(page, "30-gm-move-dialog");
            page.getByTestId("modal-submit").click();
            assertThat(page.getByTestId("move-modal")).hasCount(0);
            assertThat(page.getByTestId("node-path")).hasText("/ " + other + " / " + wsB);
            assertThat(folderItem(page, other).getByTestId("node-workspace:" + wsB)).isVisible();
            assertThat(folderItem(page, folder).getByTestId("node-workspace:" + wsB)).hasCount(0);
            Api.Response moved = api.get("/api/v1/workspaces/" + wsB);
            assertThat(moved.json().get("folder").asString()).isEqualTo(other);
            ConsoleBrowser.screenshot(page, "30-gm-tree");

            // bind ns-a to A and ns-b to B with the cluster and namespace pickers
            bindNamespace(page, wsA, cluster, nsA);
            bindNamespace(page, wsB, cluster, nsB);
            ConsoleBrowser.screenshot(page, "30-gm-workspace-resources");

            // share the cluster with B under a quota: quantities are checked as typed, then saved
            page.navigate("/management/workspaces/" + wsB + "?tab=quotas");
            page.getByTestId("quota-share").click();
            page.getByTestId("pick-cluster").selectOption(cluster);
            page.locator("[id='quota-requests.cpu']").fill("1 core");
            assertThat(page.getByTestId("error-quota-requests.cpu")).containsText("Is not a quantity");
            assertThat(page.getByTestId("modal-submit")).isDisabled();
            page.locator("[id='quota-requests.cpu']").fill("500m");
            page.locator("[id='quota-limits.memory']").fill("1Gi");
            page.getByTestId("modal-submit").click();
            assertThat(page.getByTestId("quota-row")).containsText("of 500m");
            assertThat(page.getByTestId("quota-row")).containsText("of 1Gi");
            ConsoleBrowser.screenshot(page, "30-gm-workspace-quota");
            Api.Response quota = api.get("/api/v1/workspaces/" + wsB + "/quotas");
            assertThat(quota.json().at("/items/0/hard/requests.cpu").asString()).isEqualTo("500m");

            // grant the user Workspace Viewer on A: only workspace roles are offered for a workspace
            page.navigate("/management/workspaces/" + wsA + "?tab=members");
            page.getByTestId("grant-role").click();
            page.locator("#subject-name").fill(viewer);
            Locator roles = page.getByTestId("grant-role-select");
            assertThat(roles.locator("option", new Locator.LocatorOptions().setHasText("Cluster Admin"))).hasCount(0);
            roles.selectOption("Workspace Viewer");
            page.getByTestId("modal-submit").dblclick();
            Locator row = page.getByTestId("rolebinding-table").locator("tr", new Locator.LocatorOptions().setHasText(viewer));
            assertThat(row).containsText("Workspace Viewer");
            assertThat(row).hasCount(1);
            ConsoleBrowser.screenshot(page, "30-gm-workspace-members");
            Api.Response granted = api.get("/api/v1/rolebindings?user=" + viewer);
            assertThat(granted.json().get("items")).hasSize(1);

            // deleting A is refused while it holds bindings: the server's message is shown in the dialog
            page.navigate("/management/tenancy?node=workspace%3A" + wsA);
            page.getByTestId("node-delete").click();
            page.getByTestId("confirm-name").fill(wsA);
            page.getByTestId("confirm-button").click();
            assertThat(page.getByTestId("error-alert")).containsText("still holds");
            ConsoleBrowser.screenshot(page, "30-gm-delete-refused");
            page.keyboard().press("Escape");
            assertThat(api.get("/api/v1/workspaces/" + wsA).status()).isEqualTo(200);
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "failure-gm-admin");
            throw e;
        } finally {
            page.context().close();
        }

        Page viewerPage = signIn(viewer, IamFixtures.PASSWORD, "/clusters/" + cluster + "/namespaces");
        try {
            viewerPage.waitForURL(base + "/clusters/" + cluster + "/namespaces");
            assertThat(viewerPage.getByTestId("namespace-table")).containsText(nsA);
            assertThat(viewerPage.getByTestId("namespace-table")).not().containsText(nsB);

            viewerPage.navigate("/clusters/" + cluster + "/workloads");
            assertThat(viewerPage.getByTestId("workload-table")).containsText("app-a");
            assertThat(viewerPage.getByTestId("workload-table")).not().containsText("app-b");
            Locator picker = viewerPage.getByTestId("namespace-picker");
            assertThat(picker.locator("option", new Locator.LocatorOptions().setHasText(nsA))).hasCount(1);
            assertThat(picker.locator("option", new Locator.LocatorOptions().setHasText(nsB))).hasCount(0);
            assertThat(viewerPage.getByTestId("create-workload")).hasCount(0);
            assertThat(viewerPage.locator("body")).not().containsText(nsB);
            ConsoleBrowser.screenshot(viewerPage, "30-gm-viewer-workloads");

            viewerPage.navigate("/clusters/" + cluster + "/namespaces/" + nsA + "/workloads/deployments/app-a");
            assertThat(viewerPage.getByTestId("detail-replicas")).isVisible();
            assertThat(viewerPage.getByTestId("action-scale")).hasCount(0);
            assertThat(viewerPage.getByTestId("action-delete")).hasCount(0);
            assertThat(viewerPage.getByTestId("action-edit")).hasCount(0);

            // the sidebar offers the tree (the user is a workspace member) but not groups; the tree shows no create buttons
            assertThat(viewerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Groups"))).hasCount(0);
            viewerPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Folders & workspaces")).click();
            assertThat(node(viewerPage, "workspace", wsA)).isVisible();
            assertThat(node(viewerPage, "workspace", wsB)).hasCount(0);
            assertThat(viewerPage.getByTestId("create-workspace")).hasCount(0);
            assertThat(viewerPage.getByTestId("create-folder")).hasCount(0);
            node(viewerPage, "workspace", wsA).click();
            assertThat(viewerPage.getByTestId("node-delete")).hasCount(0);
            assertThat(viewerPage.getByTestId("node-move")).hasCount(0);
            ConsoleBrowser.screenshot(viewerPage, "30-gm-viewer-tree");
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(viewerPage, "failure-gm-viewer");
            throw e;
        } finally {
            viewerPage.context().close();
        }
    }

    private void createInTree(Page page, String button, String name) {
        page.getByTestId(button).click();
        page.locator("#node-name").fill(name);
        page.getByTestId("modal-submit").click();
        assertThat(page.getByTestId("create-node-modal")).hasCount(0);
        assertThat(page.getByTestId("node-title")).containsText(name);
    }

    private void bindNamespace(Page page, String workspace, String cluster, String ns) {
        page.navigate("/management/workspaces/" + workspace + "?tab=resources");
        assertThat(page.getByTestId("empty-state")).isVisible();
        page.getByTestId("bind-resource").click();
        page.getByTestId("pick-cluster").selectOption(cluster);
        Locator namespaces = page.getByTestId("pick-namespace");
        assertThat(namespaces.locator("option", new Locator.LocatorOptions().setHasText(ns))).hasCount(1);
        namespaces.selectOption(ns);
        page.getByTestId("modal-submit").click();
        assertThat(page.getByTestId("bind-modal")).hasCount(0);
        Locator row = page.getByTestId("resourcebinding-row");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(ns);
    }

    @Test
    void adminCreatesAGroupAddsAMemberDeletesItAndReadsThePageInChinese() {
        String group = IamFixtures.unique("ops");
        Page page = signIn("admin", ADMIN_PASSWORD, "/management/groups");
        try {
            page.waitForURL(base + "/management/groups");
            page.getByTestId("group-create").click();
            page.locator("#group-name").fill("-bad");
            assertThat(page.getByTestId("error-group-name")).containsText("starting with a letter or digit");
            assertThat(page.getByTestId("modal-submit")).isDisabled();
            page.locator("#group-name").fill(group);
            page.locator("#group-description").fill("operations team");
            page.getByTestId("modal-submit").click();
            Locator row = page.getByTestId("group-row").filter(new Locator.FilterOptions().setHasText(group));
            assertThat(row).containsText("operations team");

            row.getByRole(AriaRole.LINK).click();
            page.waitForURL(base + "/management/groups/" + group);
            page.locator("#member-user").fill("admin");
            page.getByTestId("member-add").click();
            assertThat(page.getByTestId("member-table")).containsText("admin");
            assertThat(api.get("/api/v1/groups/" + group).json().get("members").toString()).contains("admin");
            ConsoleBrowser.screenshot(page, "30-gm-group-members");

            // the same page in Chinese
            page.locator("#lang-zh-CN").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("用户组 " + group))).isVisible();
            assertThat(page.getByTestId("member-add")).hasText("添加");
            page.navigate("/management/groups");
            assertThat(page.getByTestId("group-create")).hasText("创建用户组");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("文件夹与工作空间"))).isVisible();
            ConsoleBrowser.screenshot(page, "30-gm-groups-zh-CN");
            page.locator("#lang-en").click();

            // the built-in roles, read-only, with what they allow
            page.navigate("/management/rolebindings?tab=roles");
            Locator viewerRole = page.getByTestId("role-table").locator("tr", new Locator.LocatorOptions().setHasText("Workspace Viewer"));
            assertThat(viewerRole).containsText("Reads the workspace and its namespaces.");
            assertThat(page.getByTestId("grant-role")).hasCount(0);
            ConsoleBrowser.screenshot(page, "30-gm-roles");

            page.navigate("/management/groups");
            page.getByTestId("group-delete-" + group).click();
            page.getByTestId("confirm-name").fill(group);
            page.getByTestId("confirm-button").click();
            assertThat(page.getByTestId("group-row").filter(new Locator.FilterOptions().setHasText(group))).hasCount(0);
            assertThat(api.get("/api/v1/groups/" + group).status()).isEqualTo(404);
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "failure-gm-groups");
            throw e;
        } finally {
            page.context().close();
        }
    }
}
