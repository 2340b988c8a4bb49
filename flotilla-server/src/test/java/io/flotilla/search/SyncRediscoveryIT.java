package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import io.flotilla.support.Api;
import io.flotilla.support.IamFixtures;
import io.flotilla.support.ServerTestBase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A cluster keeps being discovered while it is synced: CRDs installed or removed later are picked up. */
class SyncRediscoveryIT extends ServerTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private JdbcClient jdbc;

    private long rows(String cluster, String resource) {
        return jdbc.sql("SELECT count(*) FROM search_resources WHERE cluster = :c AND resource = :r")
                .param("c", cluster).param("r", resource).query(Long.class).single();
    }

    private String phase(String cluster) {
        Api.Response r = api.get("/api/v1/search/status/" + cluster);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("phase").asString();
    }

    @Test
    void aCrdInstalledAfterTheClusterWasSyncedIsSyncedAndDroppedWhenItIsRemoved() {
        try (SandboxCluster sandbox = SandboxCluster.start(new SandboxSpec(IamFixtures.unique("later"), 1, 0, 7))) {
            Api.Response r = api.post("/api/v1/clusters", Map.of("name", sandbox.name(), "kubeconfig",
                    sandbox.kubeconfig()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            try {
                await().atMost(WAIT).until(() -> phase(sandbox.name()).equals("Synced"));
                KubernetesClient client = sandbox.client();
                client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                        .withNewMetadata().withName("gadgets.later.example.com").endMetadata()
                        .withNewSpec().withGroup("later.example.com").withScope("Namespaced")
                        .withNewNames().withPlural("gadgets").withSingular("gadget").withKind("Gadget").endNames()
                        .addNewVersion().withName("v1").withServed(true).withStorage(true)
                        .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                        .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().endVersion()
                        .endSpec().build()).create();
                client.genericKubernetesResources("later.example.com/v1", "Gadget").inNamespace("default")
                        .resource(new GenericKubernetesResourceBuilder().withApiVersion("later.example.com/v1")
                                .withKind("Gadget").withNewMetadata().withName("g1").withNamespace("default")
                                .endMetadata().build()).create();

                await().atMost(WAIT).untilAsserted(() -> assertThat(rows(sandbox.name(), "gadgets")).isEqualTo(1));
                JsonNode status = api.get("/api/v1/search/status/" + sandbox.name()).json();
                assertThat(status.get("resources").valueStream().map(t -> t.get("resource").asString()))
                        .contains("gadgets");

                client.genericKubernetesResources("later.example.com/v1", "Gadget").inNamespace("default")
                        .resource(new GenericKubernetesResourceBuilder().withApiVersion("later.example.com/v1")
                                .withKind("Gadget").withNewMetadata().withName("g2").withNamespace("default")
                                .endMetadata().build()).create();
                await().atMost(WAIT).untilAsserted(() -> assertThat(rows(sandbox.name(), "gadgets")).isEqualTo(2));

                client.apiextensions().v1().customResourceDefinitions().withName("gadgets.later.example.com").delete();
                await().atMost(WAIT).untilAsserted(() -> assertThat(rows(sandbox.name(), "gadgets")).isZero());
                await().atMost(WAIT).until(() -> phase(sandbox.name()).equals("Synced"));
            } finally {
                api.delete("/api/v1/clusters/" + sandbox.name());
            }
        }
    }
}
