package io.flotilla.iam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of a workspace's resources: bound clusters and namespaces, shared-cluster quotas and namespaces. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspace}")
@Tag(name = "Workspace resources", description = "Resource bindings, shared-cluster quotas, namespaces within quota")
class SharingController {

    private final ResourceBindingService bindings;
    private final QuotaService quotas;

    SharingController(ResourceBindingService bindings, QuotaService quotas) {
        this.bindings = bindings;
        this.quotas = quotas;
    }

    record BindingList(List<ResourceBindingService.ResourceBinding> items) {}

    record QuotaList(List<QuotaService.Quota> items) {}

    record NamespaceList(List<QuotaService.SharedNamespace> items) {}

    @GetMapping("/resourcebindings")
    @Operation(summary = "List the clusters and namespaces bound to a workspace")
    BindingList listBindings(@PathVariable String workspace) {
        return new BindingList(bindings.list(workspace));
    }

    @PostMapping("/resourcebindings")
    @Operation(summary = "Bind a cluster or a namespace to a workspace",
            description = "Workspace roles then map onto it (Admin → Cluster Admin / NS Admin, Editor → NS Edit, "
                    + "Viewer → NS View). Needs rights on both the workspace and the cluster; 422 when the cluster "
                    + "or namespace does not exist; 409 when already bound.")
    ResponseEntity<ResourceBindingService.ResourceBinding> bind(@PathVariable String workspace,
            @RequestBody ResourceBindingService.ResourceBindingRequest request) {
        ResourceBindingService.ResourceBinding b = bindings.create(workspace, request);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspace + "/resourcebindings/" + b.id()))
                .body(b);
    }

    @DeleteMapping("/resourcebindings/{id}")
    @Operation(summary = "Unbind a cluster or namespace from a workspace")
    ResponseEntity<Void> unbind(@PathVariable String workspace, @PathVariable UUID id) {
        bindings.delete(workspace, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/quotas")
    @Operation(summary = "List the workspace's quotas on shared clusters", description = "With what is allocated.")
    QuotaList listQuotas(@PathVariable String workspace) {
        return new QuotaList(quotas.list(workspace));
    }

    @PutMapping("/quotas/{cluster}")
    @Operation(summary = "Share a cluster with the workspace under a quota, or change the quota",
            description = "hard: requests.cpu, limits.cpu, requests.memory, limits.memory, requests.storage, "
                    + "persistentvolumeclaims as Kubernetes quantities. 400 for negative or malformed values, 422 "
                    + "when below what the workspace's namespaces already hold.")
    QuotaService.Quota putQuota(@PathVariable String workspace, @PathVariable String cluster,
            @RequestBody QuotaService.QuotaRequest request) {
        return quotas.put(workspace, cluster, request);
    }

    @DeleteMapping("/quotas/{cluster}")
    @Operation(summary = "Stop sharing a cluster with the workspace", description = "Refused while namespaces use it.")
    ResponseEntity<Void> deleteQuota(@PathVariable String workspace, @PathVariable String cluster) {
        quotas.delete(workspace, cluster);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/namespaces")
    @Operation(summary = "List namespaces created from the workspace's quotas")
    NamespaceList listNamespaces(@PathVariable String workspace) {
        return new NamespaceList(quotas.namespaces(workspace));
    }

    @PostMapping("/namespaces")
    @Operation(summary = "Create a namespace in a shared cluster within the workspace's quota",
            description = "Writes the Namespace and a ResourceQuota named flotilla-workspace-quota into the cluster "
                    + "and binds the namespace to the workspace. 422 when it does not fit in the quota.")
    ResponseEntity<QuotaService.SharedNamespace> createNamespace(@PathVariable String workspace,
            @RequestBody QuotaService.NamespaceRequest request) {
        QuotaService.SharedNamespace ns = quotas.createNamespace(workspace, request);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + workspace + "/namespaces/" + ns.cluster()
                + "/" + ns.name())).body(ns);
    }

    @DeleteMapping("/namespaces/{cluster}/{name}")
    @Operation(summary = "Delete a namespace created from the workspace's quota", description = "In the cluster too.")
    ResponseEntity<Void> deleteNamespace(@PathVariable String workspace, @PathVariable String cluster,
            @PathVariable String name) {
        quotas.deleteNamespace(workspace, cluster, name);
        return ResponseEntity.noContent().build();
    }
}
