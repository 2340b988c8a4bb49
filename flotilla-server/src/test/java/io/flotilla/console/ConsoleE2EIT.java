package io.flotilla.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console as a person uses it, in Debian Chromium against the server serving the built bundle:
 * sign in, integrate a sandbox cluster from its kubeconfig, create a Deployment with the form, scale
 * it, edit it as YAML, roll it back, follow a pod's logs, switch to Chinese; and a workspace viewer
 * sees no edit buttons.
 */
class ConsoleE2EIT extends ConsoleTestBase {

    @Override
    protected SandboxSpec sandboxSpec() {
        return new SandboxSpec(IamFixtures.unique("e2e"), 3, 0, 61);
    }

    private void createNamespace(String cluster, String ns) {
        apply(cluster, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
    }

    @Test
    void operatorIntegratesAClusterRunsADeploymentAndFollowsItsLogs() {
        String cluster = sandbox.name();
        String ns = IamFixtures.unique("shop");
        String app = IamFixtures.unique("web");

        Page page = signIn("admin", ADMIN_PASSWORD, "/clusters");
        try {
            operatorJourney(page, cluster, ns, app);
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "failure-operator-journey");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void operatorJourney(Page page, String cluster, String ns, String app) {
        page.waitForURL(base + "/clusters");
        ConsoleBrowser.screenshot(page, "01-clusters");

        // integrate the sandbox cluster from its kubeconfig: verify, then integrate
        page.getByTestId("integrate-cluster").click();
        page.locator("#cluster-name").fill("Bad_Name");
        assertThat(page.getByText("Must be a DNS-1123 label").first()).isVisible();
        page.locator("#cluster-name").fill(cluster);
        page.locator("#cluster-labels").fill("env=e2e");
        page.locator("#kubeconfig").fill(sandbox.kubeconfig());
        page.getByTestId("verify").click();
        assertThat(page.getByTestId("verify-result")).containsText("Connection verified");
        ConsoleBrowser.screenshot(page, "02-integrate-verified");
        page.getByTestId("integrate").click();
        page.waitForURL(base + "/clusters/" + cluster);
        assertThat(page.getByTestId("overview-nodes")).containsText("3 of 3 ready");
        assertThat(page.getByTestId("usage-chart")).isVisible();
        ConsoleBrowser.screenshot(page, "03-cluster-overview");

        page.navigate("/clusters");
        Locator row = page.getByTestId("cluster-table").locator("tr", new Locator.LocatorOptions().setHasText(cluster));
        assertThat(row).containsText("Simulated");
        assertThat(row).containsText("env=e2e");

        // create a Deployment with the form, with validation as you type
        createNamespace(cluster, ns);
        page.navigate("/clusters/" + cluster + "/workloads?namespace=" + ns);
        assertThat(page.getByTestId("empty-state")).isVisible();
        page.getByTestId("create-workload").first().click();
        page.locator("#name").fill(app);
        page.locator("[id='containers[0].image']").fill("nginx:1.27");
        page.locator("[id='containers[0].resources.requestCpu']").fill("100 m");
        assertThat(page.getByTestId("error-containers[0].resources.requestCpu")).containsText("is not a quantity");
        page.locator("[id='containers[0].resources.requestCpu']").fill("100m");
        page.locator("[id='containers[0].ports[0].containerPort']").fill("80");
        ConsoleBrowser.screenshot(page, "04-workload-form");
        page.getByTestId("create-submit").click();
        page.waitForURL(Pattern.compile(".*/namespaces/" + ns + "/workloads/deployments/" + app + ".*"));
        assertThat(page.getByTestId("detail-replicas")).containsText("1/1 ready");

        // scale to 3 and see three pods Running
        page.getByTestId("action-scale").click();
        page.locator("input[name='replicas']").fill("3");
        page.getByTestId("action-submit").dblclick();
        assertThat(page.getByTestId("detail-replicas")).containsText("3/3 ready");
        assertThat(page.getByTestId("pod-table").locator("tbody tr")).hasCount(3);
        assertThat(page.getByTestId("pod-table").getByText("Running")).hasCount(3);
        ConsoleBrowser.screenshot(page, "05-workload-scaled");

        // edit as YAML: dry run shows the change, apply changes the image
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("YAML")).click();
        Locator editor = page.getByTestId("yaml-editor");
        assertThat(editor).containsText("nginx:1.27");
        editor.click();
        page.keyboard().press("Control+A");
        page.keyboard().press("Delete");
        // one line in YAML flow style: typed newlines would be auto-indented by the editor (which adds no closing brackets)
        page.keyboard().insertText("{apiVersion: apps/v1, kind: Deployment, metadata: {name: " + app + ", namespace: " + ns
                + "}, spec: {replicas: 3, selector: {matchLabels: {app.kubernetes.io/name: " + app + "}}, template: {metadata: "
                + "{labels: {app.kubernetes.io/name: " + app + "}}, spec: {containers: [{name: main, image: 'nginx:1.28'}]}}}}");
        page.getByTestId("dry-run").click();
        assertThat(page.getByTestId("dry-run-result")).containsText("configured");
        ConsoleBrowser.screenshot(page, "06-yaml-dry-run");
        page.getByTestId("apply").click();
        assertThat(page.getByTestId("applied")).isVisible();
        assertThat(page.getByTestId("detail-images")).containsText("nginx:1.28");

        // roll back to the first revision
        page.getByTestId("action-rollback").click();
        assertThat(page.getByText("Images change from nginx:1.28 to nginx:1.27")).isVisible();
        // the pod templates side by side: the running one (left) and the one the rollback restores (right)
        Locator rollback = page.locator("[role=dialog]");
        assertThat(rollback.getByTestId("yaml-diff")).isVisible();
        assertThat(rollback.getByTestId("yaml-diff-original")).hasValue(Pattern.compile(".*image: nginx:1.28.*", Pattern.DOTALL));
        assertThat(rollback.getByTestId("yaml-diff-modified")).hasValue(Pattern.compile(".*image: nginx:1.27.*", Pattern.DOTALL));
        ConsoleBrowser.screenshot(page, "06b-rollback-diff");
        page.getByTestId("action-submit").click();
        assertThat(page.getByTestId("detail-images")).containsText("nginx:1.27");

        // edit through the form: the live values are filled in, a change is saved, the rest is kept
        page.getByTestId("action-edit").click();
        assertThat(page.locator("[id='containers[0].image']")).hasValue("nginx:1.27");
        assertThat(page.locator("#name")).isDisabled();
        page.locator("#labels").fill("tier=web");
        page.getByTestId("edit-submit").click();
        page.waitForURL(Pattern.compile(".*/workloads/deployments/" + app + "$"));
        Api.Response edited = api.get("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/resources/deployments/" + app);
        assertThat(edited.json().at("/metadata/labels/tier").asString()).isEqualTo("web");
        assertThat(edited.json().at("/spec/replicas").asInt()).isEqualTo(3);

        // a pod's live logs arrive over server-sent events
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Pods")).click();
        page.getByTestId("pod-table").locator("tbody tr a").first().click();
        page.waitForURL(Pattern.compile(".*/namespaces/" + ns + "/pods/" + app + "-.*"));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Logs")).click();
        assertThat(page.getByTestId("logs-state")).hasText("Following");
        assertThat(page.getByTestId("log-view")).containsText("[sandbox]");
        int before = logLines(page);
        page.waitForFunction("n => document.querySelectorAll('[data-testid=log-view] > div').length > n", before);
        // paused: lines are held back; search filters the view
        page.getByTestId("logs-pause").click();
        int held = logLines(page);
        page.getByTestId("logs-search").locator("input").fill("no-such-text");
        assertThat(page.getByText("0 of " + held + " lines match")).isVisible();
        page.getByTestId("logs-search").locator("input").fill("[sandbox]");
        assertThat(page.getByText(held + " of " + held + " lines match")).isVisible();
        page.getByTestId("logs-search").locator("input").fill("");
        page.getByTestId("logs-pause").click();
        ConsoleBrowser.screenshot(page, "07-pod-logs");

        // the pod list pages on the server and shows the new pods
        page.navigate("/clusters/" + cluster + "/pods?namespace=" + ns);
        assertThat(page.getByTestId("pod-row")).hasCount(3);
        page.navigate("/clusters/" + cluster + "/pods");
        assertThat(page.getByTestId("pod-list")).containsText(ns);

        // drain a node: it is cordoned, its pods are evicted, the progress is shown until it succeeds
        page.navigate("/clusters/" + cluster + "/nodes");
        Locator node = page.getByTestId("node-table").locator("tbody tr").first();
        node.getByTestId("node-drain").click();
        page.getByTestId("confirm-button").click();
        assertThat(page.getByTestId("drain-progress")).containsText("Succeeded");
        assertThat(node).containsText("SchedulingDisabled");
        ConsoleBrowser.screenshot(page, "08-node-drained");
        node.getByTestId("node-cordon").click();
        assertThat(node).not().containsText("SchedulingDisabled");

        page.navigate("/clusters/" + cluster + "/namespaces");
        assertThat(page.getByTestId("namespace-table")).containsText(ns);

        // the generic browser: any kind, kubectl's columns, an object's YAML
        page.navigate("/clusters/" + cluster + "/resources?type=nodes");
        Locator firstNode = page.getByTestId("resource-table").locator("tbody tr").first();
        assertThat(firstNode).containsText("Ready");
        firstNode.locator("button").first().click();
        assertThat(page.getByTestId("yaml-editor")).containsText("kind: Node");
        page.keyboard().press("Escape");

        // global management: the audit log recorded the integration; filters are in the URL and the CSV export
        page.navigate("/management/audit");
        page.getByTestId("audit-kind").fill("clusters");
        page.getByTestId("audit-filter").click();
        page.waitForURL(Pattern.compile(".*/management/audit\\?kind=clusters.*"));
        assertThat(page.getByTestId("audit-table")).containsText(cluster);
        assertThat(page.getByTestId("audit-export")).hasAttribute("href", "/api/v1/audit/export?kind=clusters");
        ConsoleBrowser.screenshot(page, "08b-audit-log");
        page.navigate("/management/users");
        assertThat(page.getByTestId("user-table")).containsText("admin");

        // the user menu leads to the user's access keys; a new key's secret is shown once
        page.getByTestId("user-menu").click();
        page.getByTestId("menu-access-keys").click();
        page.locator("#key-name").fill("e2e-key");
        page.getByTestId("key-create").click();
        assertThat(page.getByTestId("key-created").locator("input")).hasValue(Pattern.compile("^flk_.+"));
        assertThat(page.getByTestId("key-table")).containsText("e2e-key");

        // switch to Chinese: the same page translated, and remembered after a reload
        page.navigate("/clusters/" + cluster + "/workloads?namespace=" + ns);
        page.locator("#lang-zh-CN").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作负载"))).isVisible();
        assertThat(page.getByTestId("create-workload")).hasText("创建工作负载");
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("工作负载"))).isVisible();
        ConsoleBrowser.screenshot(page, "09-workloads-zh-CN");
        page.locator("#lang-en").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Workloads"))).isVisible();

        // a double click on Scale's submit applied once: the API recorded one scale to 3
        Api.Response workload = api.get("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/workloads/deployments/" + app);
        assertThat(workload.json().get("desired").asInt()).isEqualTo(3);
    }

    private static int logLines(Page page) {
        return ((Number) page.evaluate("document.querySelectorAll('[data-testid=log-view] > div').length")).intValue();
    }

    @Test
    void lostSessionReturnsToLoginAndThenToThePageTheUserWasOn() {
        Page page = signIn("admin", ADMIN_PASSWORD, "/clusters?labelSelector=env%3Dnone");
        page.waitForURL(base + "/clusters?labelSelector=env%3Dnone");
        page.context().clearCookies();
        page.reload();
        page.waitForURL(Pattern.compile(".*/login\\?next=.*"));
        page.locator("#username").fill("admin");
        page.locator("#password").fill("wrong-password");
        page.getByTestId("login-submit").click();
        assertThat(page.getByTestId("login-error")).containsText("Sign-in failed");
        page.locator("#password").fill(ADMIN_PASSWORD);
        page.getByTestId("login-submit").click();
        page.waitForURL(base + "/clusters?labelSelector=env%3Dnone");
        assertThat(page.getByTestId("empty-state")).isVisible();
        page.context().close();
    }

    @Test
    void workspaceViewerSeesTheWorkloadButNoEditButtons() {
        String cluster = sandbox.name();
        if (api.get("/api/v1/clusters/" + cluster).status() == 404) {
            assertThat(api.post("/api/v1/clusters", Map.of("name", cluster, "kubeconfig", sandbox.kubeconfig())).status())
                    .isEqualTo(201);
        }
        String ns = IamFixtures.unique("team");
        createNamespace(cluster, ns);
        Api.Response created = api.post("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/workloads", Map.of(
                "kind", "deployments", "name", "api", "namespace", ns, "replicas", 1,
                "containers", java.util.List.of(Map.of("name", "api", "image", "nginx:1.27"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        IamFixtures iam = new IamFixtures(api);
        String viewer = IamFixtures.unique("viewer");
        iam.basicUser(viewer);
        String workspace = iam.workspace(IamFixtures.unique("ws"), null);
        Api.Response bound = api.post("/api/v1/workspaces/" + workspace + "/resourcebindings",
                Map.of("cluster", cluster, "namespace", ns));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        iam.bind(viewer, "Workspace Viewer", IamFixtures.workspaceScope(workspace));

        String detail = "/clusters/" + cluster + "/namespaces/" + ns + "/workloads/deployments/api";
        Page page = signIn(viewer, IamFixtures.PASSWORD, detail);
        page.waitForURL(base + detail);
        assertThat(page.getByTestId("detail-replicas")).isVisible();
        assertThat(page.getByTestId("action-scale")).hasCount(0);
        assertThat(page.getByTestId("action-delete")).hasCount(0);
        page.navigate("/clusters/" + cluster + "/workloads?namespace=" + ns);
        assertThat(page.getByTestId("workload-table")).containsText("api");
        assertThat(page.getByTestId("create-workload")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))).hasCount(0);
        ConsoleBrowser.screenshot(page, "10-viewer-workloads");
        page.context().close();
    }
}
