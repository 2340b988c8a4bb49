package io.flotilla.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container-management pages in Debian Chromium against a sandbox cluster seeded with the demo
 * workloads: create a namespace (a bad name refused as typed), a ConfigMap from YAML, reveal a Secret's
 * value, read a Service's ports, label and taint a node, trigger a CronJob, delete the namespace; and a
 * namespace viewer reads ConfigMaps but gets no secrets.
 */
class ConsoleResourcesE2EIT extends ConsoleTestBase {

    @Override
    protected SandboxSpec sandboxSpec() {
        // 30 pods: the shop and payments demo namespaces (Services, the payments-db Secret)
        return new SandboxSpec(IamFixtures.unique("k8s-ui"), 2, 30, 17);
    }

    @BeforeEach
    void integrate() {
        integratedSandbox();
    }

    @Override
    protected Page signIn(String user, String password, String path) {
        Page page = super.signIn(user, password, path);
        page.waitForURL(base + path);
        return page;
    }

    /** Replaces the editor's text with one line of flow-style YAML (typed newlines would be auto-indented). */
    private static void typeYaml(Page page, String yaml) {
        page.getByTestId("yaml-editor").click();
        page.keyboard().press("Control+A");
        page.keyboard().press("Delete");
        page.keyboard().insertText(yaml);
    }

    @Test
    void operatorManagesNamespacesConfigSecretsServicesNodesAndCronJobs() {
        String cluster = sandbox.name();
        String ns = IamFixtures.unique("team");
        Page page = signIn("admin", ADMIN_PASSWORD, "/clusters/" + cluster + "/namespaces");
        try {
            journey(page, cluster, ns);
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "40-k8s-failure");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void journey(Page page, String cluster, String ns) {
        // a namespace: the bad name is refused as it is typed, then created with a quota preset
        page.getByTestId("ns-create").click();
        page.getByTestId("ns-name").fill("Bad_Name");
        assertThat(page.getByTestId("ns-name-error")).containsText("DNS-1123 label");
        assertThat(page.getByTestId("ns-create-submit")).isDisabled();
        ConsoleBrowser.screenshot(page, "40-k8s-01-namespace-bad-name");
        page.getByTestId("ns-name").fill(ns);
        assertThat(page.getByTestId("ns-name-error")).hasCount(0);
        page.getByTestId("ns-preset").selectOption("small");
        page.getByTestId("ns-create-submit").click();
        Locator nsRow = page.getByTestId("ns-" + ns);
        assertThat(nsRow).containsText("Active");
        assertThat(nsRow).containsText("pods");
        assertThat(page.getByTestId("ns-kube-system").getByTestId("ns-delete")).hasCount(0);
        ConsoleBrowser.screenshot(page, "40-k8s-02-namespace-created");

        // a ConfigMap from YAML: dry run, apply, then it is in the ConfigMaps list
        page.navigate("/clusters/" + cluster + "/configmaps?namespace=" + ns);
        assertThat(page.getByTestId("row-app-settings")).hasCount(0);
        page.getByTestId("create-resource").click();
        page.waitForURL(Pattern.compile(".*/configmaps/new\\?namespace=" + ns));
        typeYaml(page, "{apiVersion: v1, kind: ConfigMap, metadata: {name: app-settings, namespace: " + ns
                + "}, data: {mode: fast, level: '3'}}");
        page.getByTestId("dry-run").click();
        assertThat(page.getByTestId("dry-run-result")).containsText("created");
        page.getByTestId("apply").click();
        page.waitForURL(Pattern.compile(".*/namespaces/" + ns + "/configmaps/app-settings$"));
        assertThat(page.getByTestId("data-table")).containsText("fast");
        page.navigate("/clusters/" + cluster + "/configmaps?namespace=" + ns);
        assertThat(page.getByTestId("row-app-settings").getByTestId("cell-keys")).hasText("2");
        ConsoleBrowser.screenshot(page, "40-k8s-03-configmaps");
        // the name filter is applied by the server, case-insensitively, and kept in the URL
        assertThat(page.getByTestId("row-kube-root-ca.crt")).isVisible();
        page.getByTestId("name-filter").locator("input").fill("SETTINGS");
        page.waitForURL(Pattern.compile(".*[?&]q=SETTINGS.*"));
        assertThat(page.getByTestId("row-kube-root-ca.crt")).hasCount(0);
        assertThat(page.getByTestId("row-app-settings")).isVisible();

        // a Secret: the list shows its keys, the detail hides the values until one is revealed
        page.navigate("/clusters/" + cluster + "/secrets?namespace=payments");
        assertThat(page.getByTestId("row-payments-db").getByTestId("cell-keys")).hasText("2");
        page.getByTestId("row-payments-db").locator("a").click();
        page.waitForURL(Pattern.compile(".*/namespaces/payments/secrets/payments-db$"));
        assertThat(page.getByTestId("secret-value-password")).hasText("••••••");
        assertThat(page.locator("body")).not().containsText("sandbox-not-a-secret");
        page.getByTestId("secret-reveal-password").click();
        assertThat(page.getByTestId("secret-value-password")).hasText("sandbox-not-a-secret");
        assertThat(page.getByTestId("secret-value-username")).hasText("••••••");
        assertThat(page).not().hasURL(Pattern.compile(".*sandbox-not-a-secret.*"));
        ConsoleBrowser.screenshot(page, "40-k8s-04-secret-revealed");

        // Services: type, cluster IP and the demo service's port
        page.navigate("/clusters/" + cluster + "/services?namespace=shop");
        Locator frontend = page.getByTestId("row-frontend");
        assertThat(frontend.getByTestId("cell-ports")).hasText("80/TCP");
        assertThat(frontend.getByTestId("cell-type")).hasText("ClusterIP");
        assertThat(frontend.getByTestId("cell-selector")).containsText("frontend");
        ConsoleBrowser.screenshot(page, "40-k8s-05-services");

        // a Secret from the key/value form: the value is sent base64-encoded and shown hidden
        page.navigate("/clusters/" + cluster + "/secrets/new?namespace=" + ns);
        page.locator("#kv-name").fill("api-token");
        page.locator("#kv-key-0").fill("bad/key");
        assertThat(page.getByTestId("kv-form")).containsText("Letters, digits");
        page.locator("#kv-key-0").fill("token");
        page.locator("#kv-value-0").fill("s3cr3t");
        page.getByTestId("dry-run").click();
        assertThat(page.getByTestId("dry-run-result")).containsText("created");
        page.getByTestId("apply").click();
        page.waitForURL(Pattern.compile(".*/namespaces/" + ns + "/secrets/api-token$"));
        assertThat(page.getByTestId("secret-value-token")).hasText("••••••");
        assertThat(api.get("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/resources/secrets/api-token").json()
                .at("/data/token").asString()).isEqualTo("czNjcjN0");

        // storage classes: the sandbox's default class is marked
        page.navigate("/clusters/" + cluster + "/storageclasses");
        assertThat(page.getByTestId("row-standard").getByTestId("cell-isDefault")).hasText("default");
        assertThat(page.getByTestId("row-standard").getByTestId("cell-bindingMode")).hasText("WaitForFirstConsumer");

        // a node: a bad label key is refused as typed; a label and a NoSchedule taint are saved
        String node = api.get("/api/v1/clusters/" + cluster + "/nodes").json().get(0).get("name").asString();
        page.navigate("/clusters/" + cluster + "/nodes");
        Locator nodeRow = page.getByTestId("node-" + node);
        nodeRow.getByTestId("node-edit").click();
        page.getByTestId("label-add").click();
        page.getByTestId("label-key-0").fill("bad key");
        assertThat(page.getByTestId("label-rows").locator("tbody tr").first()).containsText("starting and ending with a letter or digit");
        assertThat(page.getByTestId("node-edit-save")).isDisabled();
        page.getByTestId("label-key-0").fill("team");
        page.getByTestId("label-value-0").fill("e2e");
        page.getByTestId("taint-add").click();
        Locator taint = page.getByTestId("taint-rows").locator("tbody tr").last();
        taint.locator("input").first().fill("dedicated");
        taint.locator("input").nth(1).fill("e2e");
        ConsoleBrowser.screenshot(page, "40-k8s-06-node-edit");
        page.getByTestId("node-edit-save").click();
        assertThat(nodeRow.getByTestId("node-labels")).containsText("team=e2e");
        assertThat(nodeRow.getByTestId("node-taints")).containsText("dedicated=e2e:NoSchedule");
        Api.Response edited = api.get("/api/v1/clusters/" + cluster + "/nodes/" + node);
        assertThat(edited.json().at("/labels/team").asString()).isEqualTo("e2e");
        assertThat(edited.json().at("/labels/kubernetes.io~1hostname").isMissingNode()).isFalse();
        ConsoleBrowser.screenshot(page, "40-k8s-07-node-labelled");

        // a CronJob triggered now: a Job appears
        Api.Response cron = api.postRaw("/api/v1/clusters/" + cluster + "/apply", "application/yaml",
                "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\n  namespace: " + ns + "\nspec:\n"
                        + "  schedule: \"0 0 1 1 *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                        + "          restartPolicy: Never\n          containers:\n          - name: main\n"
                        + "            image: busybox:1.37\n            command: [echo, report]\n");
        assertThat(cron.status()).as(cron.body()).isEqualTo(200);
        page.navigate("/clusters/" + cluster + "/namespaces/" + ns + "/workloads/cronjobs/report");
        assertThat(page.getByTestId("action-pause")).hasText("Suspend");
        page.getByTestId("action-trigger").click();
        Locator triggered = page.getByTestId("triggered-job");
        assertThat(triggered).containsText("report-");
        ConsoleBrowser.screenshot(page, "40-k8s-08-cronjob-triggered");
        triggered.locator("a").click();
        page.waitForURL(Pattern.compile(".*/namespaces/" + ns + "/workloads/jobs/report-.*"));
        assertThat(page.getByTestId("action-rerun")).isVisible();
        page.navigate("/clusters/" + cluster + "/workloads?namespace=" + ns + "&kind=jobs");
        assertThat(page.getByTestId("workload-table")).containsText("report-");

        // delete the namespace: the name must be typed; it is gone or Terminating
        page.navigate("/clusters/" + cluster + "/namespaces");
        Locator row = page.getByTestId("ns-" + ns);
        // states are translated: Active reads 活跃 in Chinese
        page.locator("#lang-zh-CN").click();
        assertThat(row.getByTestId("status")).hasText("活跃");
        page.locator("#lang-en").click();
        assertThat(row.getByTestId("status")).hasText("Active");
        row.getByTestId("ns-delete").click();
        assertThat(page.getByTestId("confirm-button")).isDisabled();
        page.getByTestId("confirm-name").fill(ns);
        page.getByTestId("confirm-button").click();
        page.waitForFunction("id => { const r = document.querySelector(`[data-testid='${id}']`);"
                + " return !r || r.textContent.includes('Terminating'); }", "ns-" + ns);
        ConsoleBrowser.screenshot(page, "40-k8s-09-namespace-deleted");
        Api.Response gone = api.get("/api/v1/clusters/" + cluster + "/resources/namespaces/" + ns);
        assertThat(gone.status() == 404 || gone.body().contains("Terminating")).as(gone.body()).isTrue();
    }

    @Test
    void namespaceViewerReadsConfigMapsButNoSecrets() {
        String cluster = sandbox.name();
        IamFixtures iam = new IamFixtures(api);
        String viewer = IamFixtures.unique("nsview");
        iam.basicUser(viewer);
        iam.bind(viewer, "NS View", IamFixtures.namespaceScope(cluster, "payments"));
        Page page = signIn(viewer, IamFixtures.PASSWORD, "/clusters/" + cluster + "/configmaps?namespace=payments");
        try {
            assertThat(page.getByTestId("row-payments-config").getByTestId("cell-keys")).hasText("1");
            assertThat(page.getByTestId("create-resource")).hasCount(0);
            page.navigate("/clusters/" + cluster + "/secrets?namespace=payments");
            assertThat(page.getByTestId("error-alert")).isVisible();
            assertThat(page.getByTestId("kind-table")).hasCount(0);
            page.navigate("/clusters/" + cluster + "/namespaces/payments/secrets/payments-db");
            assertThat(page.getByTestId("error-alert")).isVisible();
            assertThat(page.getByTestId("secret-reveal-password")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("sandbox-not-a-secret");
            ConsoleBrowser.screenshot(page, "40-k8s-10-viewer-no-secrets");
        } finally {
            page.context().close();
        }
    }
}
