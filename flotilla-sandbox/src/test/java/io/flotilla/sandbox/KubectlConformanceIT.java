package io.flotilla.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real kubectl against a sandbox cluster. */
class KubectlConformanceIT {

  private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

  @TempDir
  static Path dir;
  private static SandboxCluster cluster;
  private static Path kubeconfig;

  /**
   * A finished kubectl run.
   *
   * @param exit   exit code
   * @param output stdout and stderr
   */
  record Result(int exit, String output) {
  }

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed");
    cluster = SandboxCluster.start(SandboxSpec.demo("kubectl-it"));
    kubeconfig = dir.resolve("kubectl-it.kubeconfig");
    Files.writeString(kubeconfig, cluster.kubectlKubeconfig());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
  }

  private static Result kubectl(String... args) throws Exception {
    Process process = command(args).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static String ok(String... args) throws Exception {
    Result result = kubectl(args);
    assertThat(result.exit()).as("kubectl %s:%n%s", String.join(" ", args), result.output()).isZero();
    return result.output();
  }

  @Test
  void getPrintsServerSideTablesForPodsDeploymentsNodesAndServices() throws Exception {
    assertThat(ok("get", "pods", "-n", "shop")).contains("NAME", "READY", "STATUS", "RESTARTS", "AGE")
        .containsPattern("frontend-\\w+-\\w+\\s+1/1\\s+Running\\s+0");
    assertThat(ok("get", "deployments", "-n", "shop")).containsPattern("frontend\\s+4/4\\s+4\\s+4");
    assertThat(ok("get", "nodes")).contains("kubectl-it-control-plane", "control-plane", "Ready", "v1.32.0");
    assertThat(ok("get", "svc", "-n", "shop")).contains("ClusterIP", "80/TCP");
    assertThat(ok("get", "pods", "-A")).contains("NAMESPACE", "monitoring", "payments", "shop");
    assertThat(ok("get", "pods", "-n", "shop", "-l", "app.kubernetes.io/name=frontend")).contains("frontend-")
        .doesNotContain("cart-");
    assertThat(ok("get", "pods", "-n", "shop", "-l", "app.kubernetes.io/name notin (frontend)"))
        .doesNotContain("frontend-").contains("cart-");
    assertThat(ok("get", "pods", "-n", "shop", "-o", "wide")).contains("IP", "NODE", "10.244.");
    assertThat(ok("get", "nodes", "-o", "wide")).contains("INTERNAL-IP", "containerd://1.7.24", "Ubuntu");
    assertThat(ok("get", "deployment", "frontend", "-n", "shop", "-o", "yaml")).contains("kind: Deployment",
        "deployment.kubernetes.io/revision");
    assertThat(ok("get", "pods", "-n", "shop", "-o", "json")).contains("\"kind\": \"List\"", "\"kind\": \"Pod\"");
    assertThat(ok("get", "all", "-n", "payments")).contains("deployment.apps/payments-api", "statefulset.apps/postgres",
        "cronjob.batch/settlement", "service/payments-api", "replicaset.apps/");
  }

  @Test
  void getListsEveryBuiltInKind() throws Exception {
    for (String kind : List.of("pods", "nodes", "namespaces", "services", "endpoints", "configmaps", "secrets",
        "serviceaccounts", "pvc", "pv", "events", "resourcequotas", "limitranges", "deployments", "replicasets",
        "statefulsets", "daemonsets", "controllerrevisions", "jobs", "cronjobs", "ingresses", "networkpolicies",
        "storageclasses", "hpa", "pdb", "roles", "rolebindings", "clusterroles", "clusterrolebindings", "crd",
        "leases", "events.events.k8s.io")) {
      Result result = kubectl("get", kind, "-A");
      assertThat(result.exit()).as("kubectl get %s -A: %s", kind, result.output()).isZero();
    }
  }

  @Test
  void describeShowsPodDeploymentAndNodeDetailsWithEvents() throws Exception {
    String pod = ok("get", "pods", "-n", "shop", "-l", "app.kubernetes.io/name=cart", "-o",
        "jsonpath={.items[0].metadata.name}").trim();

    assertThat(ok("describe", "pod", pod, "-n", "shop")).contains("Status:", "Running", "IP:", "Node:",
        "Scheduled", "Started");
    assertThat(ok("describe", "deployment", "cart", "-n", "shop")).contains("Replicas:", "3 desired",
        "NewReplicaSet:", "ScalingReplicaSet");
    assertThat(ok("describe", "node", "kubectl-it-worker-1")).contains("Capacity:", "Allocatable:",
        "Non-terminated Pods:", "Kubelet Version:", "v1.32.0");
  }

  @Test
  void applyScaleRolloutAndUndoADeployment() throws Exception {
    ok("create", "namespace", "conformance");
    Path manifest = dir.resolve("web.yaml");
    Files.writeString(manifest, """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: conformance
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.26
        """);

    assertThat(ok("apply", "-f", manifest.toString())).contains("deployment.apps/web created");
    assertThat(ok("rollout", "status", "deployment/web", "-n", "conformance", "--timeout=30s"))
        .contains("successfully rolled out");
    assertThat(ok("apply", "-f", manifest.toString())).contains("deployment.apps/web unchanged");
    ok("set", "image", "deployment/web", "web=nginx:1.27", "-n", "conformance");
    assertThat(ok("rollout", "status", "deployment/web", "-n", "conformance", "--timeout=30s"))
        .contains("successfully rolled out");
    assertThat(ok("rollout", "history", "deployment/web", "-n", "conformance")).containsPattern("1\\s+<none>")
        .containsPattern("2\\s+<none>");

    assertThat(ok("rollout", "undo", "deployment/web", "-n", "conformance")).contains("rolled back");
    ok("rollout", "status", "deployment/web", "-n", "conformance", "--timeout=30s");
    assertThat(ok("get", "deployment", "web", "-n", "conformance", "-o",
        "jsonpath={.spec.template.spec.containers[0].image}")).isEqualTo("nginx:1.26");

    assertThat(ok("scale", "deployment", "web", "--replicas=4", "-n", "conformance")).contains("scaled");
    ok("rollout", "status", "deployment/web", "-n", "conformance", "--timeout=30s");
    assertThat(ok("get", "deployment", "web", "-n", "conformance")).containsPattern("web\\s+4/4");
    assertThat(ok("apply", "--server-side", "-f", manifest.toString())).contains("serverside-applied");
  }

  @Test
  void createAndDeleteNamespacesAndConfigMaps() throws Exception {
    assertThat(ok("create", "namespace", "scratch")).contains("namespace/scratch created");
    assertThat(ok("create", "configmap", "settings", "--from-literal=color=blue", "-n", "scratch"))
        .contains("configmap/settings created");
    assertThat(ok("get", "configmap", "settings", "-n", "scratch", "-o", "jsonpath={.data.color}"))
        .isEqualTo("blue");

    assertThat(ok("delete", "configmap", "settings", "-n", "scratch")).contains("deleted");
    assertThat(kubectl("get", "configmap", "settings", "-n", "scratch").output()).contains("NotFound");
    assertThat(ok("delete", "namespace", "scratch")).contains("namespace \"scratch\" deleted");
  }

  @Test
  void getWatchPrintsNewPodsAsTheyArrive() throws Exception {
    ok("create", "namespace", "watched");
    Process watch = command("get", "pods", "-n", "watched", "-w").start();
    StringBuilder output = new StringBuilder();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        byte[] buffer = new byte[4096];
        int n;
        while ((n = watch.getInputStream().read(buffer)) > 0) {
          synchronized (output) {
            output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        // process ended
      }
    });
    try {
      await().atMost(Duration.ofSeconds(10)).until(watch::isAlive);
      ok("run", "watched-pod", "--image=nginx:1.27", "-n", "watched");

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        synchronized (output) {
          assertThat(output.toString()).containsPattern("watched-pod\\s+1/1\\s+Running");
        }
      });
    } finally {
      watch.destroy();
      reader.join(Duration.ofSeconds(5));
    }
    assertThat(watch.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
