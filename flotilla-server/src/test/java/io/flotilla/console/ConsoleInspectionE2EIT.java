package io.flotilla.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.IamFixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The inspection pages in Debian Chromium: an admin opens a sandbox cluster's Inspection page, runs an
 * inspection, sees the score and filters the findings (the filter lands in the URL), configures it (a
 * client-side and a server-side field error under their fields), then finds the cluster on the fleet page.
 */
class ConsoleInspectionE2EIT extends ConsoleTestBase {

    @Override
    protected SandboxSpec sandboxSpec() {
        return new SandboxSpec(IamFixtures.unique("insp-ui"), 2, 0, 7);
    }

    @Test
    void adminRunsAnInspectionSeesTheScoreAndFiltersFindings() {
        String cluster = sandbox.name();
        integratedSandbox();
        Page page = signIn("admin", ADMIN_PASSWORD, "/clusters/" + cluster + "/inspection");
        try {
            page.waitForURL(Pattern.compile(".*/clusters/" + cluster + "/inspection$"));
            assertThat(page.getByTestId("empty-state")).containsText("Not inspected yet");

            page.getByTestId("run-now").click();
            assertThat(page.getByTestId("inspection-score")).hasText(Pattern.compile("^\\d{1,3}$"));
            assertThat(page.getByTestId("run-now")).isEnabled();
            assertThat(page.getByTestId("severity-bars")).isVisible();
            assertThat(page.getByTestId("findings-table").locator("tbody tr").first()).isVisible();
            assertThat(page.getByTestId("export-csv")).hasAttribute("href", Pattern.compile(".*/export\\?format=csv$"));
            ConsoleBrowser.screenshot(page, "20-inspection-report");

            page.getByTestId("filter-severity").selectOption("warning");
            page.waitForURL(Pattern.compile(".*/inspection\\?severity=warning$"));
            assertThat(page.getByTestId("findings-table").locator("tbody tr").first()).containsText("Warning");
            assertThat(page.getByTestId("findings-table").locator("tbody tr td:first-child")
                    .filter(new Locator.FilterOptions().setHasNotText("Warning"))).hasCount(0);

            page.getByTestId("inspection-configure").click();
            page.getByTestId("field-retention").fill("0");
            assertThat(page.getByTestId("error-retention")).containsText("whole number");
            assertThat(page.getByTestId("config-save")).isDisabled();
            page.getByTestId("field-retention").fill("5");
            page.getByTestId("field-schedule").fill("99 * * * *");
            page.getByTestId("config-save").click();
            assertThat(page.getByTestId("error-schedule")).isVisible();
            ConsoleBrowser.screenshot(page, "21-inspection-config-server-error");
            page.getByTestId("field-schedule").fill("0 3 * * *");
            page.getByTestId("config-save").click();
            page.waitForURL(Pattern.compile(".*/clusters/" + cluster + "/inspection$"));
            assertThat(api.get("/api/v1/inspections/clusters/" + cluster + "/config").body()).contains("\"retention\":5");

            page.navigate("/inspection/fleet");
            assertThat(page.getByTestId("fleet-score-" + cluster)).hasText(Pattern.compile("^\\d{1,3}$"));
            ConsoleBrowser.screenshot(page, "22-inspection-fleet");
        } catch (AssertionError | RuntimeException e) {
            ConsoleBrowser.screenshot(page, "failure-inspection");
            throw e;
        } finally {
            page.context().close();
        }
    }
}
