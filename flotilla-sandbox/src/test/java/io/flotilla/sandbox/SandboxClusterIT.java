package io.flotilla.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.flotilla.sandbox.sim.Faults;
import io.flotilla.sandbox.store.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxClusterIT {

  private static SandboxCluster cluster;
  private static KubernetesClient client;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    cluster = SandboxCluster.start(SandboxSpec.demo("it-cluster"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.serverUrl() + path))
        .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path, cluster.token());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private static Deployment deployment(String ns, String name, int replicas, String image, Map<String, String> annotations) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).addToAnnotations(annotations).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage(image).endContainer().endSpec().endTemplate()
        .endSpec().build();
  }

  @Test
  void seedsTheDemoWorkloadsWithRunningPodsAndSimulatedNodes() {
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    List<Node> nodes = client.nodes().list().getItems();

    assertThat(pods).hasSizeGreaterThanOrEqualTo(30)
        .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isIn("Running", "Succeeded"));
    assertThat(nodes).hasSize(3).allSatisfy(n ->
        assertThat(n.getMetadata().getLabels()).containsEntry("flotilla.io/simulated", "true"));
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.32.0-flotilla-sandbox");
  }

  @Test
  void wrongOrMissingTokenIsRejectedWithAStatus401() throws Exception {
    HttpResponse<String> wrong = get("/api/v1/pods", "not-the-token");
    HttpResponse<String> missing = get("/version", null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"kind\":\"Status\"").contains("\"reason\":\"Unauthorized\"");
  }

  @Test
  void servesVersionDiscoveryAndTypedListKinds() throws Exception {
    assertThat(getJson("/version").path("minor").asText()).isEqualTo("32");
    assertThat(getJson("/api").path("versions").get(0).asText()).isEqualTo("v1");
    assertThat(getJson("/apis").path("groups").findValuesAsText("name")).contains("apps", "batch",
        "networking.k8s.io", "apiextensions.k8s.io");
    assertThat(getJson("/apis/apps/v1?timeout=32s").path("kind").asText()).isEqualTo("APIResourceList");
    JsonNode pods = getJson("/api/v1/pods?limit=5");
    assertThat(pods.path("kind").asText()).isEqualTo("PodList");
    assertThat(pods.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(pods.at("/metadata/resourceVersion").asText()).isNotEmpty();
    assertThat(pods.at("/metadata/continue").asText()).isNotEmpty();
    assertThat(pods.path("items")).hasSize(5);
    assertThat(getJson("/apis/apps/v1/namespaces/shop/deployments").path("kind").asText())
        .isEqualTo("DeploymentList");
    assertThat(getJson("/api/v1/namespaces/shop/pods?labelSelector=app.kubernetes.io/name%20notin%20(frontend)")
        .path("items").findValuesAsText("name")).noneMatch(n -> n.startsWith("frontend"));
  }

  @Test
  void refusesProtobufBodiesOfKindsItCannotDecodeWith415() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.serverUrl()
            + "/apis/apps/v1/namespaces/default/deployments"))
        .header("Authorization", "Bearer " + cluster.token())
        .header("Content-Type", "application/vnd.kubernetes.protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'k', '8', 's', 0})).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("UnsupportedMediaType");
  }

  @Test
  void stopRefusesConnectionsAndRestartServesTheSameStateOnTheSamePort() throws Exception {
    String ns = namespace("restart");
    client.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("kept").endMetadata().addToData("k", "v").build()).create();
    String url = cluster.serverUrl();

    cluster.stop();
    assertThat(cluster.serving()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> get("/version", cluster.token()))
        .isInstanceOf(ConnectException.class);
    cluster.restart();

    assertThat(cluster.serving()).isTrue();
    assertThat(cluster.serverUrl()).isEqualTo(url);
    assertThat(client.configMaps().inNamespace(ns).withName("kept").get().getData()).containsEntry("k", "v");
  }

  @Test
  void chunkedHttpWatchStreamsAddedModifiedAndDeletedEvents() throws Exception {
    String ns = namespace("watching");
    List<String> events = new CopyOnWriteArrayList<>();
    HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.serverUrl()
            + "/api/v1/namespaces/" + ns + "/configmaps?watch=true"))
        .header("Authorization", "Bearer " + cluster.token()).build(), HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = Thread.ofVirtual().start(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          JsonNode event = Json.parse(line.getBytes(StandardCharsets.UTF_8));
          events.add(event.path("type").asText() + " " + event.at("/object/metadata/name").asText());
        }
      } catch (IOException e) {
        events.add("closed");
      }
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("ADDED kube-root-ca.crt"));

    var resource = client.configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("watched").endMetadata().addToData("k", "1").build());
    resource.create();
    client.configMaps().inNamespace(ns).withName("watched").edit(cm -> {
      cm.getData().put("k", "2");
      return cm;
    });
    client.configMaps().inNamespace(ns).withName("watched").delete();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events)
        .containsSubsequence("ADDED watched", "MODIFIED watched", "DELETED watched"));
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    reader.interrupt();
  }

  @Test
  void deploymentCreatesAReplicaSetWhosePodsReachRunningAndScales() {
    String ns = namespace("rollout");
    client.apps().deployments().inNamespace(ns).resource(deployment(ns, "api", 3, "nginx:1.27", Map.of())).create();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(ns).withName("api").get();
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
      assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
    });
    var replicaSets = client.apps().replicaSets().inNamespace(ns).list().getItems();
    assertThat(replicaSets).singleElement().satisfies(rs -> {
      assertThat(rs.getMetadata().getName()).startsWith("api-");
      assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
      assertThat(rs.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
    });
    assertThat(client.pods().inNamespace(ns).list().getItems()).hasSize(3).allSatisfy(p -> {
      assertThat(p.getStatus().getPhase()).isEqualTo("Running");
      assertThat(p.getStatus().getPodIP()).isNotBlank();
      assertThat(p.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
      assertThat(p.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("ReplicaSet");
    });

    client.apps().deployments().inNamespace(ns).withName("api").scale(5);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(ns).withName("api").get().getStatus()
            .getReadyReplicas()).isEqualTo(5));
    assertThat(client.pods().inNamespace(ns).list().getItems()).hasSize(5);
  }

  @Test
  void templateChangeRollsOutANewRevisionAndEndsWithOnlyNewPods() {
    String ns = namespace("upgrade");
    client.apps().deployments().inNamespace(ns).resource(deployment(ns, "web", 2, "nginx:1.26", Map.of())).create();
    await().atMost(Duration.ofSeconds(20)).until(() ->
        client.pods().inNamespace(ns).list().getItems().size() == 2);

    client.apps().deployments().inNamespace(ns).withName("web").edit(d -> {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27");
      return d;
    });

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace(ns).withName("web").get();
      assertThat(d.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "2");
      assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
      assertThat(client.pods().inNamespace(ns).list().getItems()).hasSize(2).allSatisfy(p ->
          assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27"));
    });
    assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(2);
  }

  @Test
  void crashLoopFaultKeepsPodsUnreadyWithGrowingRestarts() {
    String ns = namespace("faults");
    client.apps().deployments().inNamespace(ns).resource(deployment(ns, "crashy", 1, "busybox:1.37",
        Map.of(Faults.ANNOTATION, Faults.CRASH_LOOP))).create();

    await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      Pod pod = client.pods().inNamespace(ns).list().getItems().get(0);
      var status = pod.getStatus().getContainerStatuses().get(0);
      assertThat(status.getReady()).isFalse();
      assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
      assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(1);
    });
    assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .anyMatch(e -> e.getReason().equals("BackOff"));
  }

  @Test
  void imagesThatDoNotExistEndInImagePullBackOff() {
    String ns = namespace("pull");
    client.apps().deployments().inNamespace(ns).resource(deployment(ns, "missing", 1, "nginx:doesnotexist",
        Map.of())).create();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(client.pods().inNamespace(ns).list()
        .getItems()).singleElement().satisfies(p -> assertThat(p.getStatus().getContainerStatuses().get(0)
        .getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff")));
  }

  @Test
  void notReadyFaultOnANodeFlipsItsReadyConditionAndTaintsIt() {
    String node = "it-cluster-worker-2";
    client.nodes().withName(node).edit(n -> {
      n.getMetadata().getAnnotations().put(Faults.ANNOTATION, Faults.NOT_READY);
      return n;
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Node n = client.nodes().withName(node).get();
      assertThat(n.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready")
          && c.getStatus().equals("Unknown"));
      assertThat(n.getSpec().getTaints()).anyMatch(t -> t.getKey().equals("node.kubernetes.io/unreachable"));
    });

    client.nodes().withName(node).edit(n -> {
      n.getMetadata().getAnnotations().remove(Faults.ANNOTATION);
      return n;
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.nodes().withName(node).get()
        .getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")));
  }

  @Test
  void jobPodsCompleteAndTheJobReportsComplete() {
    String ns = namespace("batch");
    client.batch().v1().jobs().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
        .withNewMetadata().withName("once").endMetadata().withNewSpec().withCompletions(2).withParallelism(1)
        .withNewTemplate().withNewMetadata().addToAnnotations(Faults.RUN_SECONDS, "0.2").endMetadata()
        .withNewSpec().withRestartPolicy("Never").addNewContainer().withName("c").withImage("busybox:1.37")
        .endContainer().endSpec().endTemplate().endSpec().build()).create();

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      var job = client.batch().v1().jobs().inNamespace(ns).withName("once").get();
      assertThat(job.getStatus().getSucceeded()).isEqualTo(2);
      assertThat(job.getStatus().getCompletionTime()).isNotNull();
      assertThat(job.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete"));
    });
  }

  @Test
  void servicesGetEndpointsOfReadyPods() {
    var endpoints = client.endpoints().inNamespace("shop").withName("frontend").get();

    assertThat(endpoints.getSubsets()).singleElement().satisfies(s -> {
      assertThat(s.getAddresses()).hasSize(4);
      assertThat(s.getPorts().get(0).getPort()).isEqualTo(80);
    });
  }

  @Test
  void fabric8InformerStyleWatchOverWebsocketSeesNewPods() {
    String ns = namespace("informer");
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var watch = client.pods().inNamespace(ns).watch(new io.fabric8.kubernetes.client.Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        seen.add(action + " " + pod.getStatus().getPhase());
      }

      @Override
      public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
      }
    })) {
      client.pods().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata()
          .withName("solo").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx:1.27")
          .endContainer().endSpec().build()).create();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).contains("ADDED Pending",
          "MODIFIED Running"));
    }
  }
}
