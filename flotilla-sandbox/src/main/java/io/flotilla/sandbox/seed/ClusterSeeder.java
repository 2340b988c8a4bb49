package io.flotilla.sandbox.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sandbox.api.Preparation;
import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import io.flotilla.sandbox.store.Json;
import io.flotilla.sandbox.store.ObjectStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a cluster's initial objects straight into its store (no HTTP): nodes, system namespaces and
 * objects, and the planned workloads. The simulator then creates ReplicaSets and pods.
 */
public final class ClusterSeeder {

  /** Label every simulated node carries. */
  public static final String SIMULATED_LABEL = "flotilla.io/simulated";

  private final ObjectStore store;
  private final String cluster;

  public ClusterSeeder(ObjectStore store, String cluster) {
    this.store = store;
    this.cluster = cluster;
  }

  public void seed(int nodes, int pods, long seed) {
    for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      namespace(ns);
    }
    system();
    for (int i = 0; i < nodes; i++) {
      node(i, nodes);
    }
    List<SeedPlan.Workload> plan = SeedPlan.plan(nodes, pods, seed);
    Set<String> namespaces = new LinkedHashSet<>();
    plan.forEach(w -> namespaces.add(w.namespace()));
    namespaces.forEach(this::namespace);
    for (SeedPlan.Workload w : plan) {
      Workloads.write(store, w);
    }
    Workloads.demoConfig(store, namespaces);
  }

  private void namespace(String name) {
    ObjectNode ns = Json.object();
    ns.putObject("metadata").put("name", name);
    create(ResourceCatalog.NAMESPACES, ns);
  }

  private void system() {
    ObjectNode kubernetes = Json.object();
    kubernetes.putObject("metadata").put("name", "kubernetes").put("namespace", "default").putObject("labels")
        .put("component", "apiserver").put("provider", "kubernetes");
    ObjectNode spec = kubernetes.putObject("spec");
    spec.putArray("ports").addObject().put("name", "https").put("port", 443).put("protocol", "TCP")
        .put("targetPort", 6443);
    create(ResourceCatalog.SERVICES, kubernetes);
    ObjectNode sc = Json.object();
    sc.putObject("metadata").put("name", "standard").putObject("annotations")
        .put("storageclass.kubernetes.io/is-default-class", "true");
    sc.put("provisioner", "sandbox.flotilla.io/hostpath");
    sc.put("reclaimPolicy", "Delete");
    sc.put("volumeBindingMode", "WaitForFirstConsumer");
    sc.put("allowVolumeExpansion", true);
    create(ResourceCatalog.STORAGE_CLASSES, sc);
    for (String[] pc : new String[][] {{"system-cluster-critical", "2000000000"},
        {"system-node-critical", "2000001000"}}) {
      ObjectNode priority = Json.object();
      priority.putObject("metadata").put("name", pc[0]);
      priority.put("value", Long.parseLong(pc[1]));
      priority.put("preemptionPolicy", "PreemptLowerPriority");
      priority.put("description", "Used for system critical pods that must not be moved from their current node.");
      create(ResourceCatalog.PRIORITY_CLASSES, priority);
    }
    for (String role : List.of("cluster-admin", "admin", "edit", "view")) {
      ObjectNode cr = Json.object();
      cr.putObject("metadata").put("name", role).putObject("labels")
          .put("kubernetes.io/bootstrapping", "rbac-defaults");
      ObjectNode rule = cr.putArray("rules").addObject();
      rule.putArray("apiGroups").add("*");
      rule.putArray("resources").add("*");
      ArrayNode verbs = rule.putArray("verbs");
      if (role.equals("view")) {
        verbs.add("get").add("list").add("watch");
      } else {
        verbs.add("*");
      }
      create(ResourceCatalog.CLUSTER_ROLES, cr);
    }
  }

  private void node(int index, int total) {
    boolean controlPlane = index == 0;
    String name = controlPlane ? cluster + "-control-plane" : cluster + "-worker-" + index;
    boolean arm = !controlPlane && index % 3 == 0;
    String arch = arm ? "arm64" : "amd64";
    String zone = "zone-" + (char) ('a' + index % 3);
    ObjectNode node = Json.object();
    ObjectNode meta = node.putObject("metadata");
    meta.put("name", name);
    ObjectNode labels = meta.putObject("labels");
    labels.put("beta.kubernetes.io/arch", arch);
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", arch);
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("node.kubernetes.io/instance-type", controlPlane ? "c6i.xlarge" : arm ? "m7g.2xlarge" : "m6i.2xlarge");
    labels.put("topology.kubernetes.io/region", "sandbox-1");
    labels.put("topology.kubernetes.io/zone", zone);
    labels.put(SIMULATED_LABEL, "true");
    if (controlPlane) {
      labels.put("node-role.kubernetes.io/control-plane", "");
    }
    ObjectNode annotations = meta.putObject("annotations");
    annotations.put("node.alpha.kubernetes.io/ttl", "0");
    annotations.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
    ObjectNode spec = node.putObject("spec");
    String cidr = "10.244." + index % 256 + ".0/24";
    spec.put("podCIDR", cidr);
    spec.putArray("podCIDRs").add(cidr);
    spec.put("providerID", "sandbox://" + cluster + "/" + name);
    if (controlPlane && total > 1) {
      spec.putArray("taints").addObject().put("key", "node-role.kubernetes.io/control-plane")
          .put("effect", "NoSchedule");
    }
    ObjectNode status = node.putObject("status");
    String cpu = controlPlane ? "4" : "8";
    String memoryKi = controlPlane ? "16393216Ki" : "32786432Ki";
    ObjectNode capacity = status.putObject("capacity");
    capacity.put("cpu", cpu).put("memory", memoryKi).put("pods", "110").put("ephemeral-storage", "102687672Ki")
        .put("hugepages-2Mi", "0");
    ObjectNode allocatable = status.putObject("allocatable");
    allocatable.put("cpu", controlPlane ? "3800m" : "7800m")
        .put("memory", controlPlane ? "15266816Ki" : "31660032Ki").put("pods", "110")
        .put("ephemeral-storage", "94635070683").put("hugepages-2Mi", "0");
    String now = Json.timestamp(store.clock().instant());
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "MemoryPressure", "False", "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available", now);
    condition(conditions, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now);
    condition(conditions, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available",
        now);
    condition(conditions, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now);
    ArrayNode addresses = status.putArray("addresses");
    addresses.addObject().put("type", "InternalIP").put("address", "172.18." + (index / 250) + "." + (index % 250
        + 2));
    addresses.addObject().put("type", "Hostname").put("address", name);
    status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
    ObjectNode info = status.putObject("nodeInfo");
    String machine = store.newUid().replace("-", "");
    info.put("machineID", machine);
    info.put("systemUUID", store.newUid());
    info.put("bootID", store.newUid());
    info.put("kernelVersion", arm ? "6.8.0-1019-aws" : "6.8.0-51-generic");
    info.put("osImage", "Ubuntu 24.04.1 LTS");
    info.put("containerRuntimeVersion", "containerd://1.7.24");
    info.put("kubeletVersion", "v1.32.0");
    info.put("kubeProxyVersion", "v1.32.0");
    info.put("operatingSystem", "linux");
    info.put("architecture", arch);
    create(ResourceCatalog.NODES, node);
    ObjectNode lease = Json.object();
    ObjectNode leaseMeta = lease.putObject("metadata");
    leaseMeta.put("name", name);
    leaseMeta.put("namespace", "kube-node-lease");
    lease.putObject("spec").put("holderIdentity", name).put("leaseDurationSeconds", 40)
        .put("renewTime", Json.microTimestamp(store.clock().instant()));
    create(ResourceCatalog.LEASES, lease);
  }

  private static void condition(ArrayNode conditions, String type, String status, String reason, String message,
                                String now) {
    conditions.addObject().put("type", type).put("status", status).put("lastHeartbeatTime", now)
        .put("lastTransitionTime", now).put("reason", reason).put("message", message);
  }

  private void create(ResourceType type, ObjectNode object) {
    Preparation.prepare(store, type, object);
    store.create(type, object, false);
  }
}
