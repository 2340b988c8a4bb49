package io.flotilla.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Workload depth and live updates in Debian Chromium against a sandbox cluster: env and a readiness
 * probe edited through the form show up in the YAML; a YAML edit shows a side-by-side diff before it
 * is applied; a scale made through the API while the workload list is open appears in the list without
 * a reload; a pod found by part of its name on the search page opens.
 */
class ConsoleLiveE2EIT extends ConsoleTestBase {

    @Override
    protected SandboxSpec sandboxSpec() {
        return new SandboxSpec(IamFixtures.unique("live"), 2, 0, 11);
    }

    @Test
    void formDepthYamlDiffLiveListAndSearch() {
        String cluster = sandbox.name();
        String ns = IamFixtures.unique("live");
        String app = IamFixtures.unique("shopfront");
        integratedSandbox();
        apply(cluster, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        apply(cluster, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers: [{name: web, image: 'nginx:1.27', ports: [{containerPort: 80}]}]
                """.formatted(app, ns, app, app));
        String detail = "/clusters/" + cluster + "/namespaces/" + ns + "/workloads/deployments/" + app;

        Page page = signIn("admin", ADMIN_PASSWORD, detail + "/edit");
        try {
            formDepth(page, detail, cluster, ns, app);
            yamlDiff(page, app, ns);
            liveList(page, cluster, ns, app);
            search(page, cluster, ns, app);
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "failure-50-live");
            throw e;
        } finally {
            page.context().close();
        }
    }

    private void formDepth(Page page, String detail, String cluster, String ns, String app) {
        page.waitForURL(Pattern.compile(".*/edit$"));
        assertThat(page.locator("[id='containers[0].image']")).hasValue("nginx:1.27");
        page.getByTestId("containers[0].env-add").click();
        page.locator("[id='containers[0].env[0].name']").fill("MODE");
        page.locator("[id='containers[0].env[0].value']").fill("live");
        page.locator("[id='containers[0].readinessProbe.type']").selectOption("http");
        page.locator("[id='containers[0].readinessProbe.path']").fill("ready");
        page.locator("[id='containers[0].readinessProbe.port']").fill("80");
        // validated as typed, with the server's message for that field
        assertThat(page.getByTestId("error-containers[0].readinessProbe.path")).containsText("must start with /");
        assertThat(page.getByTestId("edit-submit")).isDisabled();
        page.locator("[id='containers[0].readinessProbe.path']").fill("/ready");
        page.locator("[id='containers[0].readinessProbe.initialDelaySeconds']").fill("3");
        page.locator("[id='containers[0].readinessProbe.periodSeconds']").fill("7");
        ConsoleBrowser.screenshot(page, "50-live-form-depth");
        page.getByTestId("edit-submit").click();
        page.waitForURL(Pattern.compile(".*" + Pattern.quote(detail) + "$"));

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("YAML")).click();
        Locator yaml = page.getByTestId("yaml-text");
        assertThat(yaml).hasValue(Pattern.compile(".*name: MODE\\s+value: live.*", Pattern.DOTALL));
        assertThat(yaml).hasValue(Pattern.compile(".*readinessProbe:.*path: /ready.*", Pattern.DOTALL));
        JsonNode live = api.get("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/resources/deployments/" + app)
                .json().at("/spec/template/spec/containers/0");
        assertThat(live.at("/readinessProbe/periodSeconds").asInt()).isEqualTo(7);
        assertThat(live.at("/readinessProbe/initialDelaySeconds").asInt()).isEqualTo(3);
        assertThat(live.at("/env/0/value").asString()).isEqualTo("live");
    }

    private void yamlDiff(Page page, String app, String ns) {
        Locator editor = page.getByTestId("yaml-editor");
        editor.click();
        page.keyboard().press("Control+A");
        page.keyboard().press("Delete");
        page.keyboard().insertText("{apiVersion: apps/v1, kind: Deployment, metadata: {name: " + app + ", namespace: " + ns
                + "}, spec: {replicas: 1, selector: {matchLabels: {app: " + app + "}}, template: {metadata: "
                + "{labels: {app: " + app + "}}, spec: {containers: [{name: web, image: 'nginx:1.28'}]}}}}");
        page.getByTestId("dry-run").click();
        assertThat(page.getByTestId("dry-run-result")).containsText("configured");
        assertThat(page.getByTestId("dry-run-diff")).isVisible();
        assertThat(page.getByTestId("yaml-diff-original")).hasValue(Pattern.compile(".*image: nginx:1.27.*", Pattern.DOTALL));
        assertThat(page.getByTestId("yaml-diff-modified")).hasValue(Pattern.compile(".*image: nginx:1.28.*", Pattern.DOTALL));
        // Monaco's diff editor marks the changed lines (computed in its worker once it is laid out)
        page.getByTestId("yaml-diff").scrollIntoViewIfNeeded();
        assertThat(page.getByTestId("yaml-diff").locator(".line-insert, .char-insert, .line-delete, .char-delete").first())
                .isAttached();
        ConsoleBrowser.screenshot(page, "50-live-yaml-diff");
        page.getByTestId("apply").click();
        assertThat(page.getByTestId("applied")).isVisible();
        assertThat(page.getByTestId("detail-images")).containsText("nginx:1.28");
    }

    private void liveList(Page page, String cluster, String ns, String app) {
        page.navigate("/clusters/" + cluster + "/workloads?namespace=" + ns);
        Locator row = page.getByTestId("workload-row-" + ns + "-" + app);
        assertThat(row.getByTestId("replicas")).hasText("1/1");
        assertThat(page.getByTestId("live-state")).hasAttribute("data-state", "live");
        String url = page.url();
        page.evaluate("() => { window.__stillTheSamePage = true; }");
        Api.Response scaled = api.post("/api/v1/clusters/" + cluster + "/namespaces/" + ns + "/workloads/deployments/"
                + app + "/scale", Map.of("replicas", 3));
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        assertThat(row.getByTestId("replicas")).hasText(Pattern.compile("\\d/3"));
        assertThat(row.getByTestId("replicas")).hasText("3/3", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(30_000));
        // the same document: no navigation, no reload
        assertThat(page.evaluate("() => window.__stillTheSamePage === true")).isEqualTo(true);
        assertThat(page.url()).isEqualTo(url);
        ConsoleBrowser.screenshot(page, "50-live-workload-list");
    }

    private void search(Page page, String cluster, String ns, String app) {
        // the index syncs the new pods in the background
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.get("/api/v1/search?resources=pods"
                + "&namespaces=" + ns + "&fuzzyName=" + app).json().get("items").size()).isGreaterThanOrEqualTo(1));
        String fragment = app.substring("shopfront-".length(), "shopfront-".length() + 5).toUpperCase();
        page.getByTestId("global-search").locator("input").fill(fragment);
        page.getByTestId("global-search").locator("input").press("Enter");
        page.waitForURL(Pattern.compile(".*/search\\?kind=pods&q=" + fragment + "$"));
        Locator hit = page.getByTestId("search-hit").filter(new Locator.FilterOptions().setHasText(ns)).first();
        assertThat(hit).containsText(cluster);
        ConsoleBrowser.screenshot(page, "50-live-search");
        hit.locator("a").first().click();
        page.waitForURL(Pattern.compile(".*/clusters/" + cluster + "/namespaces/" + ns + "/pods/" + app + "-.*"));
    }
}
