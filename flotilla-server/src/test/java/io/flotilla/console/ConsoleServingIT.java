package io.flotilla.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.support.Api;
import io.flotilla.support.Browser;
import io.flotilla.support.ServerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server serves the console bundle at "/" without sign-in, deep links included, and leaves the API alone. */
class ConsoleServingIT extends ServerTestBase {

    private Browser anonymous;

    @BeforeEach
    void bundle() {
        assumeTrue(getClass().getResource("/static/index.html") != null,
                "the console bundle is not built (-Dconsole.skip=true): nothing to serve");
        anonymous = new Browser("http://127.0.0.1:" + port);
    }

    @Test
    void servesTheConsoleAtTheRootWithoutSignIn() {
        Api.Response root = anonymous.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith("text/html");
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        assertThat(root.header("Cache-Control")).contains("no-cache");
    }

    @Test
    void answersDeepLinksWithTheConsoleSoTheyCanBeBookmarked() {
        Api.Response deep = anonymous.get("/clusters/east/namespaces/shop/workloads/deployments/web?tab=pods");
        assertThat(deep.status()).isEqualTo(200);
        assertThat(deep.body()).contains("<div id=\"root\"></div>");
    }

    @Test
    void servesHashedAssetsCachedAndMissingFilesAsNotFound() {
        String html = anonymous.get("/").body();
        String script = html.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        Api.Response asset = anonymous.get(script);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).contains("max-age=31536000");
        assertThat(anonymous.get("/assets/missing-file.js").status()).isEqualTo(404);
    }

    @Test
    void keepsTheApiAuthenticatedAndUnknownApiPathsOutOfTheConsole() {
        Api.Response clusters = anonymous.get("/api/v1/clusters");
        assertThat(clusters.status()).isEqualTo(401);
        assertThat(clusters.contentType()).startsWith("application/problem+json");
        Api.Response unknown = api.get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void tellsTheLoginPageWhichSignInMethodsExist() {
        Api.Response options = anonymous.get("/api/v1/login/options");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).contains("\"ldap\":false").contains("\"oidc\":false");
    }
}
