package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    @Test
    void consoleOwnsTheRootItsFilesAndClientRoutes() {
        assertThat(ConsoleRoutes.isConsolePath("/")).isTrue();
        assertThat(ConsoleRoutes.isConsolePath("/index.html")).isTrue();
        assertThat(ConsoleRoutes.isConsolePath("/assets/index-abc.js")).isTrue();
        assertThat(ConsoleRoutes.isConsolePath("/clusters/east/workloads")).isTrue();
        assertThat(ConsoleRoutes.isConsolePath("/login")).isTrue();
    }

    @Test
    void neverClaimsApiHealthSignInOrDocsPaths() {
        for (String path : new String[] {"/api", "/api/v1/clusters", "/apis", "/apis/clusterpedia.io/v1beta1/resources",
                "/actuator/health", "/healthz", "/oauth2/authorization/oidc", "/login/oauth2/code/oidc", "/error",
                "/swagger-ui/index.html", "/v3/api-docs", "/webjars/x.js", "/assets/../api/v1/me"}) {
            assertThat(ConsoleRoutes.isConsolePath(path)).as(path).isFalse();
        }
    }

    @Test
    void answersIndexOnlyForRoutesWithoutAFileExtension() {
        assertThat(ConsoleRoutes.isClientRoute("/clusters/east/namespaces/shop/pods/web-1")).isTrue();
        assertThat(ConsoleRoutes.isClientRoute("/")).isTrue();
        assertThat(ConsoleRoutes.isClientRoute("/assets/missing.js")).isFalse();
        assertThat(ConsoleRoutes.isClientRoute("/api/v1/unknown")).isFalse();
    }
}
