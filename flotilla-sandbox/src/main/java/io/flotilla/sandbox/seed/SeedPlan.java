package io.flotilla.sandbox.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * Which workloads a cluster is seeded with: the demo workloads first (shop, payments, monitoring), then
 * generated Deployments of up to 10 replicas in {@code apps-N} namespaces until the pod count is reached.
 * Pure logic.
 */
public final class SeedPlan {

  /** Workload kinds the seeder knows. */
  public enum Kind { DEPLOYMENT, STATEFULSET, DAEMONSET, CRONJOB }

  /**
   * One workload.
   *
   * @param kind      workload kind
   * @param namespace namespace
   * @param name      name
   * @param image     container image
   * @param replicas  replicas (for DaemonSets: the node count, informational)
   * @param port      container/service port (0 for none)
   */
  public record Workload(Kind kind, String namespace, String name, String image, int replicas, int port) {
  }

  private static final List<Workload> DEMO = List.of(
      new Workload(Kind.DEPLOYMENT, "shop", "frontend", "nginx:1.27.3", 4, 80),
      new Workload(Kind.DEPLOYMENT, "shop", "catalog", "ghcr.io/flotilla-demo/catalog:2.3.1", 3, 8080),
      new Workload(Kind.DEPLOYMENT, "shop", "cart", "ghcr.io/flotilla-demo/cart:1.4.2", 3, 8080),
      new Workload(Kind.DEPLOYMENT, "shop", "checkout", "ghcr.io/flotilla-demo/checkout:1.0.9", 2, 8080),
      new Workload(Kind.STATEFULSET, "shop", "redis", "redis:7.4.1", 1, 6379),
      new Workload(Kind.DEPLOYMENT, "payments", "payments-api", "ghcr.io/flotilla-demo/payments-api:3.1.0", 4, 8443),
      new Workload(Kind.DEPLOYMENT, "payments", "fraud-check", "ghcr.io/flotilla-demo/fraud-check:0.9.4", 3, 9000),
      new Workload(Kind.DEPLOYMENT, "payments", "ledger", "ghcr.io/flotilla-demo/ledger:1.2.0", 2, 8080),
      new Workload(Kind.STATEFULSET, "payments", "postgres", "postgres:17.2", 2, 5432),
      new Workload(Kind.CRONJOB, "payments", "settlement", "busybox:1.37", 0, 0),
      new Workload(Kind.DAEMONSET, "monitoring", "node-exporter", "quay.io/prometheus/node-exporter:v1.8.2", 0, 9100),
      new Workload(Kind.STATEFULSET, "monitoring", "prometheus", "quay.io/prometheus/prometheus:v3.0.1", 1, 9090),
      new Workload(Kind.DEPLOYMENT, "monitoring", "grafana", "grafana/grafana:11.4.0", 1, 3000),
      new Workload(Kind.DEPLOYMENT, "monitoring", "kube-state-metrics",
          "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.14.0", 1, 8080));

  private static final String[] IMAGES = {"nginx:1.27.3", "httpd:2.4.62", "redis:7.4.1", "ghcr.io/flotilla-demo/api:1.8.0",
      "ghcr.io/flotilla-demo/worker:2.0.1", "registry.k8s.io/pause:3.10", "busybox:1.37", "python:3.13-slim"};

  private SeedPlan() {
  }

  /** Workloads totalling {@code pods} pods on a cluster of {@code nodes} nodes. */
  public static List<Workload> plan(int nodes, int pods, long seed) {
    List<Workload> result = new ArrayList<>();
    int budget = pods;
    for (Workload w : DEMO) {
      if (w.kind() == Kind.CRONJOB) {
        if (!result.isEmpty()) {
          result.add(w);
        }
        continue;
      }
      if (w.kind() == Kind.DAEMONSET) {
        if (budget >= nodes) {
          result.add(new Workload(w.kind(), w.namespace(), w.name(), w.image(), nodes, w.port()));
          budget -= nodes;
        }
        continue;
      }
      int replicas = Math.min(w.replicas(), budget);
      if (replicas > 0) {
        result.add(new Workload(w.kind(), w.namespace(), w.name(), w.image(), replicas, w.port()));
        budget -= replicas;
      }
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int index = 0;
    while (budget > 0) {
      int replicas = Math.min(10, budget);
      String namespace = "apps-" + (index / 20 + 1);
      result.add(new Workload(Kind.DEPLOYMENT, namespace, "app-" + (index + 1),
          IMAGES[random.nextInt(IMAGES.length)], replicas, 8080));
      budget -= replicas;
      index++;
    }
    return result;
  }

  /** Pods the plan runs (CronJob pods come and go and are not counted). */
  public static int podCount(List<Workload> plan) {
    return plan.stream().filter(w -> w.kind() != Kind.CRONJOB).mapToInt(Workload::replicas).sum();
  }
}
