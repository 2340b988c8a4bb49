package io.flotilla.sandbox;

/**
 * What a sandbox cluster looks like when it starts.
 *
 * @param name  cluster name, a DNS-1123 label (also names the kubeconfig cluster, user and context)
 * @param nodes number of simulated nodes (the first is the control plane), at least 1
 * @param pods  number of workload pods to seed: the demo workloads (shop, payments, monitoring) first, then
 *              generated Deployments in {@code apps-N} namespaces for the rest; 0 for an empty cluster
 * @param seed  seed for every random choice (uids, names, images), so equal specs give equal clusters
 */
public record SandboxSpec(String name, int nodes, int pods, long seed) {

  public SandboxSpec {
    if (name == null || !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException("cluster name must be a DNS-1123 label (lower case letters, digits and"
          + " '-', at most 63 characters, starting and ending with a letter or digit): " + name);
    }
    if (nodes < 1) {
      throw new IllegalArgumentException("a sandbox cluster needs at least 1 node, got " + nodes);
    }
    if (pods < 0) {
      throw new IllegalArgumentException("pods must be >= 0, got " + pods);
    }
  }

  /**
   * A small realistic cluster: 3 nodes and the namespaces shop, payments and monitoring with
   * Deployments, StatefulSets, a DaemonSet, a CronJob, Services and ConfigMaps (30 pods).
   */
  public static SandboxSpec demo(String name) {
    return new SandboxSpec(name, 3, 30, 42);
  }
}
