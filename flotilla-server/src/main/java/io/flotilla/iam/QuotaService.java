package io.flotilla.iam;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Shared clusters: a cluster shared with a workspace under a quota; workspace members create
 * namespaces in it within that quota, and each namespace gets the matching ResourceQuota.
 */
@Service
class QuotaService {

    static final String QUOTA_NAME = "flotilla-workspace-quota";
    static final String WORKSPACE_LABEL = "flotilla.io/workspace";
    private static final Logger log = LoggerFactory.getLogger(QuotaService.class);

    private final SharingStore store;
    private final WorkspaceService workspaces;
    private final ClusterDirectory clusters;
    private final AuthorizationService authz;

    QuotaService(SharingStore store, WorkspaceService workspaces, ClusterDirectory clusters,
            AuthorizationService authz) {
        this.store = store;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.authz = authz;
    }

    /**
     * A workspace's quota on a shared cluster.
     *
     * @param hard the limits (ResourceQuota spec.hard keys)
     * @param allocated what the workspace's namespaces in the cluster already hold, per key
     * @param namespaces those namespaces
     */
    record Quota(String workspace, String cluster, Map<String, String> hard, Map<String, String> allocated,
            List<String> namespaces) {}

    record QuotaRequest(Map<String, String> hard) {}

    /** A namespace created from a quota, with its share. */
    record SharedNamespace(String workspace, String cluster, String name, Map<String, String> hard) {}

    record NamespaceRequest(String cluster, String name, Map<String, String> hard) {}

    List<Quota> list(String workspace) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("list", "quotas", new Scope.Workspace(ws.id()), null);
        return store.quotas(ws.id()).stream().map(q -> view(ws, q)).toList();
    }

    /** Shares a cluster with the workspace or changes its quota; never below what its namespaces hold. */
    Quota put(String workspace, String cluster, QuotaRequest request) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        List<FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> limit = QuotaMath.parse("hard", request == null ? null : request.hard(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        authz.require("update", "quotas", new Scope.Workspace(ws.id()), cluster);
        authz.require("update", "quotas", new Scope.Cluster(cluster), cluster);
        clusters.requireCluster("cluster", cluster);
        store.inTransaction(() -> {
            store.lockQuota(ws.id(), cluster);
            List<SharingStore.AllocationRow> allocations = store.allocations(ws.id(), cluster);
            Map<String, BigDecimal> used = QuotaMath.sum(allocations.stream().map(SharingStore.AllocationRow::hard)
                    .toList());
            List<String> below = QuotaMath.exceeded(used, limit);
            if (!below.isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Quota below current use", "the quota would be "
                        + "below what the workspace's namespaces in '" + cluster + "' already hold: "
                        + String.join(", ", below) + "; shrink or delete namespaces first");
            }
            List<String> missing = allocations.isEmpty() ? List.of() : used.keySet().stream()
                    .filter(k -> !limit.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Quota below current use", "namespaces "
                        + "already hold " + String.join(", ", missing) + "; keep those keys in the quota");
            }
            store.upsertQuota(ws.id(), cluster, new TreeMap<>(request.hard()));
            return null;
        });
        log.info("workspace {} quota on cluster {} is now {}", workspace, cluster, request.hard());
        return get(ws, cluster);
    }

    void delete(String workspace, String cluster) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("delete", "quotas", new Scope.Workspace(ws.id()), cluster);
        authz.require("delete", "quotas", new Scope.Cluster(cluster), cluster);
        if (!store.allocations(ws.id(), cluster).isEmpty()) {
            throw ApiException.conflict("workspace '" + workspace + "' still has namespaces in '" + cluster
                    + "' created from this quota; delete them first");
        }
        if (store.quotas(ws.id()).stream().noneMatch(q -> q.cluster().equals(cluster))) {
            throw ApiException.notFound("quota of workspace '" + workspace + "' on cluster '" + cluster + "'");
        }
        store.deleteQuota(ws.id(), cluster);
    }

    List<SharedNamespace> namespaces(String workspace) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("list", "namespaces", new Scope.Workspace(ws.id()), null);
        return store.allocations(ws.id(), null).stream()
                .map(a -> new SharedNamespace(ws.name(), a.cluster(), a.namespace(), a.hard())).toList();
    }

    /**
     * Creates a namespace in a shared cluster within the workspace's quota: reserves the share in
     * the database (serialised per quota), then writes the Namespace and its ResourceQuota into the
     * cluster; if the cluster refuses, the reservation is undone.
     */
    SharedNamespace createNamespace(String workspace, NamespaceRequest request) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        List<FieldError> errors = new ArrayList<>();
        if (request.cluster() == null || request.cluster().isBlank()) {
            errors.add(new FieldError("cluster", "is required"));
        }
        Names.label("name", request.name(), errors);
        Map<String, BigDecimal> share = QuotaMath.parse("hard", request.hard(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        authz.require("create", "namespaces", new Scope.Workspace(ws.id()), request.name());
        String cluster = request.cluster();
        store.inTransaction(() -> {
            SharingStore.QuotaRow quota = store.lockQuota(ws.id(), cluster).orElseThrow(() ->
                    new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Cluster not shared", "cluster '" + cluster
                            + "' is not shared with workspace '" + workspace + "'; ask for a quota on it first"));
            Map<String, BigDecimal> limit = QuotaMath.parse("hard", quota.hard(), new ArrayList<>());
            List<String> missing = limit.keySet().stream().filter(k -> !share.containsKey(k)).toList();
            if (!missing.isEmpty()) {
                throw ApiException.badRequest("hard", "the workspace quota limits " + String.join(", ", missing)
                        + "; give the namespace's share of each");
            }
            List<Map<String, String>> all = new ArrayList<>(store.allocations(ws.id(), cluster).stream()
                    .map(SharingStore.AllocationRow::hard).toList());
            all.add(request.hard());
            List<String> over = QuotaMath.exceeded(QuotaMath.sum(all), limit);
            if (!over.isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Quota exceeded", "namespace '"
                        + request.name() + "' does not fit in the workspace's quota on '" + cluster + "': "
                        + String.join(", ", over) + " (allocated including this one > quota)");
            }
            if (store.allocated(cluster, request.name())) {
                throw ApiException.conflict("namespace '" + request.name() + "' already exists in cluster '"
                        + cluster + "'");
            }
            store.insertAllocation(ws.id(), cluster, request.name(), new TreeMap<>(request.hard()));
            store.insertBinding(UUID.randomUUID(), ws.id(), cluster, request.name());
            return null;
        });
        try {
            writeToCluster(workspace, cluster, request.name(), request.hard());
        } catch (RuntimeException e) {
            store.inTransaction(() -> {
                store.deleteAllocation(cluster, request.name());
                store.deleteBinding(ws.id(), cluster, request.name());
                return null;
            });
            throw e;
        }
        authz.forget(authz.current().username());
        log.info("created namespace {}/{} for workspace {} with quota {}", cluster, request.name(), workspace,
                request.hard());
        return new SharedNamespace(workspace, cluster, request.name(), new TreeMap<>(request.hard()));
    }

    void deleteNamespace(String workspace, String cluster, String name) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("delete", "namespaces", new Scope.Workspace(ws.id()), name);
        boolean ours = store.allocations(ws.id(), cluster).stream().anyMatch(a -> a.namespace().equals(name));
        if (!ours) {
            throw ApiException.notFound("namespace '" + name + "' of workspace '" + workspace + "' in '" + cluster + "'");
        }
        try {
            clusters.client(cluster).namespaces().withName(name).delete();
        } catch (KubernetesClientException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Cluster error", "could not delete namespace '" + name
                    + "' in '" + cluster + "': " + e.getMessage() + "; nothing was changed, try again");
        }
        store.inTransaction(() -> {
            store.deleteAllocation(cluster, name);
            store.deleteBinding(ws.id(), cluster, name);
            return null;
        });
    }

    private void writeToCluster(String workspace, String cluster, String name, Map<String, String> hard) {
        try {
            KubernetesClient client = clusters.client(cluster);
            if (client.namespaces().withName(name).get() != null) {
                throw ApiException.conflict("namespace '" + name + "' already exists in cluster '" + cluster
                        + "'; pick another name");
            }
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                    .addToLabels(WORKSPACE_LABEL, workspace).endMetadata().build()).create();
            Map<String, Quantity> quantities = new LinkedHashMap<>();
            hard.forEach((k, v) -> quantities.put(k, new Quantity(v)));
            client.resourceQuotas().inNamespace(name).resource(new ResourceQuotaBuilder().withNewMetadata()
                    .withName(QUOTA_NAME).withNamespace(name).addToLabels(WORKSPACE_LABEL, workspace).endMetadata()
                    .withNewSpec().withHard(quantities).endSpec().build()).create();
        } catch (KubernetesClientException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Cluster error", "cluster '" + cluster + "' refused "
                    + "namespace '" + name + "': " + e.getMessage() + "; nothing was stored");
        }
    }

    private Quota get(TenancyStore.WorkspaceRow ws, String cluster) {
        return store.quotas(ws.id()).stream().filter(q -> q.cluster().equals(cluster)).findFirst()
                .map(q -> view(ws, q)).orElseThrow();
    }

    private Quota view(TenancyStore.WorkspaceRow ws, SharingStore.QuotaRow q) {
        List<SharingStore.AllocationRow> allocations = store.allocations(ws.id(), q.cluster());
        Map<String, String> allocated = new TreeMap<>();
        QuotaMath.sum(allocations.stream().map(SharingStore.AllocationRow::hard).toList())
                .forEach((k, v) -> allocated.put(k, QuotaMath.plain(v)));
        return new Quota(ws.name(), q.cluster(), q.hard(), allocated,
                allocations.stream().map(SharingStore.AllocationRow::namespace).toList());
    }
}
