package io.flotilla.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.FlotillaApplication;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code flotilla up} does twice on one data directory: the first start registers the demo
 * sandbox clusters; the second keeps clusters, keys and the admin, and re-registers the demo
 * clusters at their new endpoints.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FlotillaApplication.class)
                .run("--server.port=0", "--flotilla.data-dir=" + dataDir, "--flotilla.clusters.health.interval=1s",
                        "--flotilla.demo.enabled=true");
    }

    private static Api api(ConfigurableApplicationContext ctx, String password) {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        return new Api("http://127.0.0.1:" + port, "admin", password);
    }

    private static void assertDemoClustersRunning(Api api) {
        for (String name : new String[] {"sandbox-east", "sandbox-west"}) {
            Api.Response r = api.get("/api/v1/clusters/" + name);
            assertThat(r.status()).as(name).isEqualTo(200);
            assertThat(r.json().get("status").get("phase").asString()).as(name).isEqualTo("Running");
            assertThat(r.json().get("simulated").asBoolean()).as(name).isTrue();
            assertThat(r.json().get("status").get("nodes").get("total").asInt()).as(name).isPositive();
        }
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec("restart-it", 1, 0, 3))) {
            String password;
            try (ConfigurableApplicationContext first = start()) {
                Path passwordFile = dataDir.resolve("admin-password");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                        .isEqualTo("rw-------");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secret.key"))))
                        .isEqualTo("rw-------");
                password = Files.readString(passwordFile).strip();
                Api.Response created = api(first, password).post("/api/v1/clusters",
                        Map.of("name", "kept", "kubeconfig", sandbox.kubeconfig(), "labels", Map.of("a", "b")));
                assertThat(created.status()).isEqualTo(201);
                assertDemoClustersRunning(api(first, password));
                assertThat(dataDir.resolve("sandboxes/sandbox-east.kubeconfig")).exists();
            }
            try (ConfigurableApplicationContext second = start()) {
                Api api = api(second, password);
                Api.Response kept = api.get("/api/v1/clusters/kept");
                assertThat(kept.status()).isEqualTo(200);
                assertThat(kept.json().get("labels").get("a").asString()).isEqualTo("b");
                Api.Response probed = api.post("/api/v1/clusters/kept/probe", Map.of());
                assertThat(probed.json().get("status").get("phase").asString())
                        .as("stored credentials still decrypt with the persisted key").isEqualTo("Running");
                assertDemoClustersRunning(api);
                assertThat(api.get("/api/v1/clusters").json().get("items")).hasSize(3);
            }
        }
    }
}
