package io.flotilla.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.ServerTestBase;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every browser test of the console shares: one sandbox cluster and one Chromium for the class
 * (skipped when Chromium or the bundle is missing), the server's URL, signing in through the login page,
 * and registering the sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleTestBase extends ServerTestBase {

    protected SandboxCluster sandbox;
    protected ConsoleBrowser browser;
    protected String base;

    /** The sandbox cluster the class runs against. */
    protected abstract SandboxSpec sandboxSpec();

    @BeforeAll
    void startSandboxAndBrowser() {
        ConsoleBrowser.assumeAvailable(getClass());
        sandbox = SandboxCluster.start(sandboxSpec());
        browser = new ConsoleBrowser();
    }

    @AfterAll
    void stopSandboxAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void serverUrl() {
        base = "http://127.0.0.1:" + port;
    }

    /** A new page that opens {@code path}, is sent to the login page and signs in (it then returns to path). */
    protected Page signIn(String user, String password, String path) {
        Page page = browser.newPage(base);
        page.navigate(path);
        page.waitForURL(Pattern.compile(".*/login.*"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.getByTestId("login-submit").click();
        return page;
    }

    /** Registers the sandbox cluster unless it already is; returns its name. */
    protected String integratedSandbox() {
        String cluster = sandbox.name();
        if (api.get("/api/v1/clusters/" + cluster).status() == 404) {
            Api.Response r = api.post("/api/v1/clusters", Map.of("name", cluster, "kubeconfig", sandbox.kubeconfig()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return cluster;
    }

    /** Applies YAML to a cluster through the API (200 expected). */
    protected Api.Response apply(String cluster, String yaml) {
        Api.Response r = api.postRaw("/api/v1/clusters/" + cluster + "/apply", "application/yaml", yaml);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }
}
