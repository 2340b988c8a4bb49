package io.flotilla.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiShapesTest {

  private final ResourceCatalog catalog = new ResourceCatalog();

  @Test
  void listKindsAreTheKindFollowedByList() {
    assertThat(ResourceCatalog.PODS.listKind()).isEqualTo("PodList");
    assertThat(ResourceCatalog.DEPLOYMENTS.listKind()).isEqualTo("DeploymentList");
    assertThat(ResourceCatalog.HPAS.listKind()).isEqualTo("HorizontalPodAutoscalerList");
    assertThat(ResourceCatalog.DEPLOYMENTS.apiVersion()).isEqualTo("apps/v1");
    assertThat(ResourceCatalog.PODS.apiVersion()).isEqualTo("v1");
  }

  @Test
  void discoveryListsResourcesWithScopeShortNamesAndSubresources() {
    ObjectNode core = new Discovery(catalog).resourceList("v1");
    List<String> names = new ArrayList<>();
    core.path("resources").forEach(r -> names.add(r.path("name").asText()));

    assertThat(names).contains("pods", "pods/log", "pods/status", "pods/eviction", "nodes", "namespaces",
        "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "persistentvolumeclaims",
        "persistentvolumes", "events", "resourcequotas", "limitranges");
    JsonNode nodes = find(core, "nodes");
    assertThat(nodes.path("namespaced").asBoolean()).isFalse();
    assertThat(nodes.path("shortNames").get(0).asText()).isEqualTo("no");
    JsonNode scale = find(new Discovery(catalog).resourceList("apps/v1"), "deployments/scale");
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
  }

  @Test
  void everyRequiredGroupVersionIsServed() {
    Discovery discovery = new Discovery(catalog);
    for (String gv : List.of("apps/v1", "batch/v1", "networking.k8s.io/v1", "storage.k8s.io/v1", "autoscaling/v2",
        "policy/v1", "rbac.authorization.k8s.io/v1", "events.k8s.io/v1", "apiextensions.k8s.io/v1",
        "coordination.k8s.io/v1")) {
      assertThat(discovery.resourceList(gv)).as(gv).isNotNull();
    }
    List<String> shortNames = new ArrayList<>();
    catalog.all().forEach(t -> shortNames.addAll(t.shortNames()));
    assertThat(shortNames).contains("po", "deploy", "svc", "cm", "ns", "no", "rs", "sts", "ds", "cj", "ing", "pvc",
        "pv", "sc", "hpa", "pdb", "ep", "ev", "sa", "quota", "limits", "netpol", "crd");
  }

  @Test
  void parsesResourcePathsIncludingNamespacesAndSubresources() {
    assertThat(ApiPath.parse("/api/v1/namespaces/shop/pods/web-1/log")).contains(
        new ApiPath("", "v1", "shop", "pods", "web-1", "log", false));
    assertThat(ApiPath.parse("/apis/apps/v1/deployments")).contains(
        new ApiPath("apps", "v1", null, "deployments", null, null, false));
    assertThat(ApiPath.parse("/api/v1/namespaces/shop")).contains(
        new ApiPath("", "v1", null, "namespaces", "shop", null, false));
    assertThat(ApiPath.parse("/api/v1/namespaces/shop/status")).contains(
        new ApiPath("", "v1", null, "namespaces", "shop", "status", false));
    assertThat(ApiPath.parse("/version")).isEmpty();
  }

  @Test
  void humanDurationsFollowKubectl() {
    assertThat(Ages.human(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(Ages.human(Duration.ofSeconds(303))).isEqualTo("5m3s");
    assertThat(Ages.human(Duration.ofMinutes(75))).isEqualTo("75m");
    assertThat(Ages.human(Duration.ofHours(50))).isEqualTo("2d2h");
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode r : list.path("resources")) {
      if (name.equals(r.path("name").asText())) {
        return r;
      }
    }
    throw new AssertionError(name + " not listed");
  }
}
