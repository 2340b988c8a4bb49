package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Binds whole clusters and cluster namespaces to workspaces, so workspace roles map onto them.
 * Binding needs "create resourcebindings" both on the workspace and on the cluster or namespace.
 */
@Service
class ResourceBindingService {

    private final SharingStore store;
    private final WorkspaceService workspaces;
    private final ClusterDirectory clusters;
    private final AuthorizationService authz;

    ResourceBindingService(SharingStore store, WorkspaceService workspaces, ClusterDirectory clusters,
            AuthorizationService authz) {
        this.store = store;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.authz = authz;
    }

    /**
     * A cluster (namespace null) or cluster namespace bound to a workspace.
     *
     * @param quota true when it is a namespace created from a shared-cluster quota
     */
    record ResourceBinding(UUID id, String workspace, String cluster, String namespace, boolean quota,
            Instant createdAt) {}

    record ResourceBindingRequest(String cluster, String namespace) {}

    List<ResourceBinding> list(String workspace) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("list", "resourcebindings", new Scope.Workspace(ws.id()), null);
        return store.bindings(ws.id()).stream().map(b -> view(ws.name(), b)).toList();
    }

    ResourceBinding create(String workspace, ResourceBindingRequest request) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        List<FieldError> errors = new ArrayList<>();
        if (request.cluster() == null || request.cluster().isBlank()) {
            errors.add(new FieldError("cluster", "is required"));
        }
        if (request.namespace() != null) {
            Names.label("namespace", request.namespace(), errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        authz.require("create", "resourcebindings", new Scope.Workspace(ws.id()), request.cluster());
        Scope target = Scope.of(request.cluster(), request.namespace());
        authz.require("create", "resourcebindings", target, request.cluster());
        if (request.namespace() == null) {
            clusters.requireCluster("cluster", request.cluster());
        } else {
            clusters.requireNamespace("namespace", request.cluster(), request.namespace());
        }
        if (request.namespace() != null && store.boundElsewhere(ws.id(), request.cluster(), request.namespace())) {
            throw ApiException.conflict("namespace '" + request.namespace() + "' of cluster '" + request.cluster()
                    + "' is already bound to another workspace; a namespace belongs to one workspace");
        }
        UUID id = UUID.randomUUID();
        try {
            store.insertBinding(id, ws.id(), request.cluster(), request.namespace());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict((request.namespace() == null ? "cluster '" + request.cluster() + "'"
                    : "namespace '" + request.cluster() + "/" + request.namespace() + "'")
                    + " is already bound to workspace '" + workspace + "'");
        }
        authz.forget(authz.current().username());
        return store.binding(ws.id(), id).map(b -> view(ws.name(), b)).orElseThrow();
    }

    void delete(String workspace, UUID id) {
        TenancyStore.WorkspaceRow ws = workspaces.visible(workspace);
        authz.require("delete", "resourcebindings", new Scope.Workspace(ws.id()), null);
        SharingStore.BindingRow b = store.binding(ws.id(), id)
                .orElseThrow(() -> ApiException.notFound("resource binding " + id + " of workspace '" + workspace + "'"));
        if (b.namespace() != null && store.allocated(b.cluster(), b.namespace())) {
            throw ApiException.conflict("namespace '" + b.namespace() + "' was created from the workspace's quota; "
                    + "delete it with DELETE /api/v1/workspaces/" + workspace + "/namespaces/" + b.cluster() + "/"
                    + b.namespace());
        }
        store.deleteBinding(id);
    }

    private ResourceBinding view(String workspace, SharingStore.BindingRow b) {
        return new ResourceBinding(b.id(), workspace, b.cluster(), b.namespace(),
                b.namespace() != null && store.allocated(b.cluster(), b.namespace()), b.createdAt());
    }
}
