package io.flotilla.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClusterHealthIT extends ServerTestBase {

    private static SandboxCluster sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxCluster.start(new SandboxSpec("health-it", 2, 0, 11));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private JsonNode status(String name) {
        return api.get("/api/v1/clusters/" + name).json().get("status");
    }

    @Test
    void stoppedClusterTurnsUnhealthyAndRecoversWhenItReturns() {
        String name = "health-it";
        assertThat(api.post("/api/v1/clusters", Map.of("name", name, "kubeconfig", sandbox.kubeconfig())).status())
                .isEqualTo(201);

        sandbox.stop();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode s = status(name);
            assertThat(s.get("phase").asString()).isEqualTo("Unhealthy");
            assertThat(s.get("lastError").asString()).isNotBlank();
            assertThat(s.get("kubernetesVersion").asString()).as("last known version is kept").startsWith("v1.");
        });

        sandbox.restart();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode s = status(name);
            assertThat(s.get("phase").asString()).isEqualTo("Running");
            assertThat(s.get("lastError").isNull()).isTrue();
            assertThat(s.get("conditions").get(0).get("status").asString()).isEqualTo("True");
        });
    }
}
