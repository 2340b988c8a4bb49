package io.flotilla.sandbox.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources a sandbox cluster serves: the built-in Kubernetes 1.32 types below, plus the
 * custom resources of CustomResourceDefinitions created at run time.
 */
public final class ResourceCatalog {

  public static final ResourceType PODS = core("pods", "Pod", true, List.of("po"), List.of("all"),
      Set.of("status", "log", "eviction", "binding"));
  public static final ResourceType NODES = core("nodes", "Node", false, List.of("no"), List.of(), Set.of("status"));
  public static final ResourceType NAMESPACES = core("namespaces", "Namespace", false, List.of("ns"), List.of(),
      Set.of("status", "finalize"));
  public static final ResourceType SERVICES = core("services", "Service", true, List.of("svc"), List.of("all"),
      Set.of("status"));
  public static final ResourceType ENDPOINTS = core("endpoints", "Endpoints", true, List.of("ep"), List.of(), Set.of());
  public static final ResourceType CONFIGMAPS = core("configmaps", "ConfigMap", true, List.of("cm"), List.of(), Set.of());
  public static final ResourceType SECRETS = core("secrets", "Secret", true, List.of(), List.of(), Set.of());
  public static final ResourceType SERVICE_ACCOUNTS = core("serviceaccounts", "ServiceAccount", true, List.of("sa"),
      List.of(), Set.of("token"));
  public static final ResourceType PVCS = core("persistentvolumeclaims", "PersistentVolumeClaim", true,
      List.of("pvc"), List.of(), Set.of("status"));
  public static final ResourceType PVS = core("persistentvolumes", "PersistentVolume", false, List.of("pv"),
      List.of(), Set.of("status"));
  public static final ResourceType EVENTS = core("events", "Event", true, List.of("ev"), List.of(), Set.of());
  public static final ResourceType RESOURCE_QUOTAS = core("resourcequotas", "ResourceQuota", true, List.of("quota"),
      List.of(), Set.of("status"));
  public static final ResourceType LIMIT_RANGES = core("limitranges", "LimitRange", true, List.of("limits"),
      List.of(), Set.of());
  public static final ResourceType REPLICATION_CONTROLLERS = core("replicationcontrollers", "ReplicationController",
      true, List.of("rc"), List.of("all"), Set.of("status", "scale"));

  public static final ResourceType DEPLOYMENTS = apps("deployments", "Deployment", List.of("deploy"),
      Set.of("status", "scale"));
  public static final ResourceType REPLICA_SETS = apps("replicasets", "ReplicaSet", List.of("rs"),
      Set.of("status", "scale"));
  public static final ResourceType STATEFUL_SETS = apps("statefulsets", "StatefulSet", List.of("sts"),
      Set.of("status", "scale"));
  public static final ResourceType DAEMON_SETS = apps("daemonsets", "DaemonSet", List.of("ds"), Set.of("status"));
  public static final ResourceType CONTROLLER_REVISIONS = new ResourceType("apps", "v1", "controllerrevisions",
      "controllerrevision", "ControllerRevision", true, List.of(), List.of(), Set.of());

  public static final ResourceType JOBS = new ResourceType("batch", "v1", "jobs", "job", "Job", true, List.of(),
      List.of("all"), Set.of("status"));
  public static final ResourceType CRON_JOBS = new ResourceType("batch", "v1", "cronjobs", "cronjob", "CronJob", true,
      List.of("cj"), List.of("all"), Set.of("status"));

  public static final ResourceType INGRESSES = new ResourceType("networking.k8s.io", "v1", "ingresses", "ingress",
      "Ingress", true, List.of("ing"), List.of(), Set.of("status"));
  public static final ResourceType NETWORK_POLICIES = new ResourceType("networking.k8s.io", "v1", "networkpolicies",
      "networkpolicy", "NetworkPolicy", true, List.of("netpol"), List.of(), Set.of());
  public static final ResourceType INGRESS_CLASSES = new ResourceType("networking.k8s.io", "v1", "ingressclasses",
      "ingressclass", "IngressClass", false, List.of(), List.of(), Set.of());
  public static final ResourceType STORAGE_CLASSES = new ResourceType("storage.k8s.io", "v1", "storageclasses",
      "storageclass", "StorageClass", false, List.of("sc"), List.of(), Set.of());
  public static final ResourceType HPAS = new ResourceType("autoscaling", "v2", "horizontalpodautoscalers",
      "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, List.of("hpa"), List.of("all"), Set.of("status"));
  public static final ResourceType PDBS = new ResourceType("policy", "v1", "poddisruptionbudgets",
      "poddisruptionbudget", "PodDisruptionBudget", true, List.of("pdb"), List.of(), Set.of("status"));
  public static final ResourceType ROLES = rbac("roles", "Role", true);
  public static final ResourceType ROLE_BINDINGS = rbac("rolebindings", "RoleBinding", true);
  public static final ResourceType CLUSTER_ROLES = rbac("clusterroles", "ClusterRole", false);
  public static final ResourceType CLUSTER_ROLE_BINDINGS = rbac("clusterrolebindings", "ClusterRoleBinding", false);
  public static final ResourceType EVENTS_V1 = new ResourceType("events.k8s.io", "v1", "events", "event", "Event",
      true, List.of("ev"), List.of(), Set.of());
  public static final ResourceType CRDS = new ResourceType("apiextensions.k8s.io", "v1", "customresourcedefinitions",
      "customresourcedefinition", "CustomResourceDefinition", false, List.of("crd", "crds"), List.of(),
      Set.of("status"));
  public static final ResourceType LEASES = new ResourceType("coordination.k8s.io", "v1", "leases", "lease", "Lease",
      true, List.of(), List.of(), Set.of());
  public static final ResourceType ENDPOINT_SLICES = new ResourceType("discovery.k8s.io", "v1", "endpointslices",
      "endpointslice", "EndpointSlice", true, List.of(), List.of(), Set.of());
  public static final ResourceType PRIORITY_CLASSES = new ResourceType("scheduling.k8s.io", "v1", "priorityclasses",
      "priorityclass", "PriorityClass", false, List.of("pc"), List.of(), Set.of());

  private static final List<ResourceType> BUILT_IN = List.of(
      PODS, NODES, NAMESPACES, SERVICES, ENDPOINTS, CONFIGMAPS, SECRETS, SERVICE_ACCOUNTS, PVCS, PVS, EVENTS,
      RESOURCE_QUOTAS, LIMIT_RANGES, REPLICATION_CONTROLLERS,
      DEPLOYMENTS, REPLICA_SETS, STATEFUL_SETS, DAEMON_SETS, CONTROLLER_REVISIONS,
      JOBS, CRON_JOBS, INGRESSES, INGRESS_CLASSES, NETWORK_POLICIES, STORAGE_CLASSES, HPAS, PDBS,
      ROLES, ROLE_BINDINGS, CLUSTER_ROLES, CLUSTER_ROLE_BINDINGS, EVENTS_V1, CRDS, LEASES, ENDPOINT_SLICES,
      PRIORITY_CLASSES);

  /** Custom resources registered from CRDs, keyed by group/version/plural. */
  private final Map<String, ResourceType> custom = new ConcurrentHashMap<>();

  private static ResourceType core(String plural, String kind, boolean namespaced, List<String> shortNames,
                                   List<String> categories, Set<String> subresources) {
    return new ResourceType("", "v1", plural, singularOf(kind), kind, namespaced, shortNames, categories,
        subresources);
  }

  private static ResourceType apps(String plural, String kind, List<String> shortNames, Set<String> subresources) {
    return new ResourceType("apps", "v1", plural, singularOf(kind), kind, true, shortNames, List.of("all"),
        subresources);
  }

  private static ResourceType rbac(String plural, String kind, boolean namespaced) {
    return new ResourceType("rbac.authorization.k8s.io", "v1", plural, singularOf(kind), kind, namespaced,
        List.of(), List.of(), Set.of());
  }

  private static String singularOf(String kind) {
    return kind.toLowerCase(java.util.Locale.ROOT);
  }

  /** All served resource types, built-in first. */
  public List<ResourceType> all() {
    List<ResourceType> result = new ArrayList<>(BUILT_IN);
    result.addAll(custom.values());
    return result;
  }

  /** The resource served at {@code group/version/plural}, if any. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    for (ResourceType type : BUILT_IN) {
      if (type.group().equals(group) && type.version().equals(version) && type.plural().equals(plural)) {
        return Optional.of(type);
      }
    }
    return Optional.ofNullable(custom.get(group + "/" + version + "/" + plural));
  }

  /** Resource types grouped by API group version, in discovery order. */
  public Map<String, List<ResourceType>> byGroupVersion() {
    Map<String, List<ResourceType>> result = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      result.computeIfAbsent(type.apiVersion(), k -> new ArrayList<>()).add(type);
    }
    return result;
  }

  /** Registers (or replaces) a custom resource type. */
  public void register(ResourceType type) {
    custom.put(type.group() + "/" + type.version() + "/" + type.plural(), type);
  }

  /** Removes the custom resource types of one CRD. */
  public void unregister(String group, String plural) {
    custom.values().removeIf(t -> t.group().equals(group) && t.plural().equals(plural));
  }

  /** The custom resource types currently registered. */
  public Collection<ResourceType> customTypes() {
    return List.copyOf(custom.values());
  }
}
