package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.cluster.ClusterClientFactory;
import io.flotilla.cluster.KubeconfigParser;
import io.flotilla.sandbox.SandboxCluster;
import io.flotilla.sandbox.SandboxSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resolving the configured resources against a real (sandbox) cluster's discovery, custom resources included. */
class SyncDiscoveryIT {

    private static SandboxCluster sandbox;
    private static KubernetesClient client;
    private static SyncHttp http;

    @BeforeAll
    static void start() {
        sandbox = SandboxCluster.start(new SandboxSpec("sync-discovery", 1, 0, 3));
        client = ClusterClientFactory.create(KubeconfigParser.parse(sandbox.kubeconfig(), null), Duration.ofSeconds(30));
        client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("widgets.example.com").endMetadata()
                .withNewSpec().withGroup("example.com").withScope("Namespaced")
                .withNewNames().withPlural("widgets").withSingular("widget").withKind("Widget").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().endVersion()
                .endSpec().build()).create();
        client.genericKubernetesResources("example.com/v1", "Widget").inNamespace("default")
                .resource(new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                        .withNewMetadata().withName("w1").withNamespace("default").endMetadata().build())
                .create();
        http = new SyncHttp(client, new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private static List<String> resolve(List<String> patterns, boolean allCustom) throws Exception {
        return SyncDiscovery.resolve(http, SyncResourceSelection.parse(patterns), allCustom).stream()
                .map(t -> t.groupResource() + "@" + t.version() + ":" + t.kind() + (t.namespaced() ? "" : ":cluster"))
                .toList();
    }

    @Test
    void allCustomResourcesAddsTheResourcesOfEveryCrd() throws Exception {
        assertThat(resolve(List.of("pods", "nodes"), true))
                .containsExactly("pods@v1:Pod", "nodes@v1:Node:cluster", "widgets.example.com@v1:Widget");
    }

    @Test
    void aGroupWildcardSelectsTheCustomGroup() throws Exception {
        assertThat(resolve(List.of("example.com/*"), false)).containsExactly("widgets.example.com@v1:Widget");
    }

    @Test
    void defaultsResolveEveryBuiltInTypeInItsPreferredVersionAndNoCustomResource() throws Exception {
        SyncProperties defaults = new org.springframework.boot.context.properties.bind.Binder(List.of())
                .bindOrCreate("flotilla.search", SyncProperties.class);
        List<String> types = resolve(defaults.syncResources(), false);

        assertThat(types).hasSize(19).contains("deployments.apps@v1:Deployment", "secrets@v1:Secret",
                "horizontalpodautoscalers.autoscaling@v2:HorizontalPodAutoscaler",
                "storageclasses.storage.k8s.io@v1:StorageClass:cluster")
                .noneMatch(t -> t.startsWith("widgets."));
    }

    @Test
    void listsAndPagesTheCustomResourceLikeAnyOther() throws Exception {
        assertThat(http.get("/apis/example.com/v1/widgets?limit=500").path("items").get(0).path("metadata")
                .path("name").asText()).isEqualTo("w1");
    }
}
