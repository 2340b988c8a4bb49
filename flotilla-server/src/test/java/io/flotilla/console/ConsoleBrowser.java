package io.flotilla.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian Chromium ({@code /usr/bin/chromium}) driven by Playwright Java, without Playwright's own
 * browser download. One browser per test class; each sign-in gets a fresh context (own cookies and
 * localStorage). Screenshots go to {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    ConsoleBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    /** A new page in a fresh context (no cookies, empty localStorage), English by default. */
    Page newPage(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale("en-US").setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /**
     * Skips the calling test class (a JUnit assumption, with the reason) when Chromium is not installed
     * or the console bundle was not built, and gives Playwright's assertions time for the first requests
     * to a new cluster (clients, JIT), which take seconds on a loaded 2-core machine.
     */
    static void assumeAvailable(Class<?> testClass) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium): browser tests skipped");
        Assumptions.assumeTrue(testClass.getResource("/static/index.html") != null,
                "the console bundle is not built (-Dconsole.skip=true): browser tests skipped");
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
