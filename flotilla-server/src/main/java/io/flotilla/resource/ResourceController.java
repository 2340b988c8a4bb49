package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Generic API for every kind a cluster serves. Types are named like kubectl names them:
 * {@code pods}, {@code deployments.apps}, {@code deploy}, a CRD's plural.group.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
@Tag(name = "Resources", description = "Any Kubernetes kind in a member cluster, CRDs included")
class ResourceController {

    static final String LIST_SOURCE = "X-Flotilla-List-Source";
    private static final String NAME_CONTAINS = "only objects whose name contains this (case-insensitive): a search "
            + "over the whole list when the search index answers, else a filter of the page the cluster answered";
    private static final String SOURCE = "where a paged list is read: auto (default: the search index when it is "
            + "synced and current for the kind, else the cluster), index (409 when the index is not current) or "
            + "cluster. The X-Flotilla-List-Source response header tells which answered, and why the cluster did.";

    private final ResourceService resources;
    private final ApplyService applier;
    private final TableService tables;

    ResourceController(ResourceService resources, ApplyService applier, TableService tables) {
        this.resources = resources;
        this.applier = applier;
        this.tables = tables;
    }

    @GetMapping("/tables/{type}")
    @Operation(summary = "A page of a cluster-scoped kind as kubectl prints it",
            description = "The cluster's server-side table: its printer columns (CRDs included), one row per object.")
    ResourceTable clusterTable(@PathVariable String cluster, @PathVariable String type,
            @RequestParam(required = false) String labelSelector, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        return tables.table(cluster, type, null, labelSelector, limit, continueToken);
    }

    @GetMapping("/namespaces/{namespace}/tables/{type}")
    @Operation(summary = "A page of a namespaced kind as kubectl prints it",
            description = "Typed summaries for list views (services, ingresses, configmaps, secrets, PVCs, HPAs, any "
                    + "CRD): the cluster's own columns. Secret values are never part of a table.")
    ResourceTable table(@PathVariable String cluster, @PathVariable String namespace, @PathVariable String type,
            @RequestParam(required = false) String labelSelector, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        return tables.table(cluster, type, namespace, labelSelector, limit, continueToken);
    }

    @GetMapping("/api-resources")
    @Operation(summary = "Kinds the cluster serves", description = "From the cluster's discovery documents.")
    List<ResourceType> types(@PathVariable String cluster) {
        return resources.types(cluster);
    }

    @GetMapping("/resources/{type}")
    @Operation(summary = "List cluster-scoped objects, or namespaced ones in every namespace you may list")
    @ApiResponse(responseCode = "200", description = "a Kubernetes list", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = GenericKubernetesResourceList.class)))
    ResponseEntity<Object> listAll(@PathVariable String cluster, @PathVariable String type,
            @Parameter(description = "e.g. app=web,tier in (a,b)") @RequestParam(required = false) String labelSelector,
            @Parameter(description = "e.g. status.phase=Running") @RequestParam(required = false) String fieldSelector,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken,
            @Parameter(description = SOURCE) @RequestParam(required = false) String source,
            @Parameter(description = NAME_CONTAINS) @RequestParam(required = false) String nameContains,
            HttpServletResponse response) {
        return sourced(resources.list(cluster, type, null, labelSelector, fieldSelector, limit, continueToken, source,
                nameContains), response);
    }

    @GetMapping("/namespaces/{namespace}/resources/{type}")
    @Operation(summary = "List objects of a kind in a namespace")
    @ApiResponse(responseCode = "200", description = "a Kubernetes list", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = GenericKubernetesResourceList.class)))
    ResponseEntity<Object> list(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String type, @RequestParam(required = false) String labelSelector,
            @RequestParam(required = false) String fieldSelector, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken,
            @Parameter(description = SOURCE) @RequestParam(required = false) String source,
            @Parameter(description = NAME_CONTAINS) @RequestParam(required = false) String nameContains,
            HttpServletResponse response) {
        return sourced(resources.list(cluster, type, namespace, labelSelector, fieldSelector, limit, continueToken, source,
                nameContains), response);
    }

    /**
     * Names where a list page was read in the {@code X-Flotilla-List-Source} header; a page read from the index
     * is written as the text it was assembled from.
     */
    private static ResponseEntity<Object> sourced(ResourceService.ListPage page, HttpServletResponse response) {
        response.setHeader(LIST_SOURCE, page.reason() == null ? page.source()
                : page.source() + "; reason=\"" + page.reason().replaceAll("[\\p{Cntrl}\"\\\\]|[^\\x20-\\x7e]", " ") + "\"");
        if (page.json() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(page.json());
        }
        return ResponseEntity.ok(page.list());
    }

    @GetMapping("/resources/{type}/{name}")
    @Operation(summary = "Get a cluster-scoped object")
    GenericKubernetesResource getClusterScoped(@PathVariable String cluster, @PathVariable String type,
            @PathVariable String name) {
        return resources.get(cluster, type, null, name);
    }

    @GetMapping("/namespaces/{namespace}/resources/{type}/{name}")
    @Operation(summary = "Get an object")
    GenericKubernetesResource get(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String type, @PathVariable String name) {
        return resources.get(cluster, type, namespace, name);
    }

    @PostMapping("/resources/{type}")
    @Operation(summary = "Create a cluster-scoped object")
    ResponseEntity<GenericKubernetesResource> createClusterScoped(@PathVariable String cluster,
            @PathVariable String type, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.CLUSTER_OBJECT))) @RequestBody GenericKubernetesResource body) {
        return ResponseEntity.status(201).body(resources.create(cluster, type, null, body));
    }

    @PostMapping("/namespaces/{namespace}/resources/{type}")
    @Operation(summary = "Create an object")
    ResponseEntity<GenericKubernetesResource> create(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String type, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.OBJECT))) @RequestBody GenericKubernetesResource body) {
        return ResponseEntity.status(201).body(resources.create(cluster, type, namespace, body));
    }

    @PutMapping("/resources/{type}/{name}")
    @Operation(summary = "Replace a cluster-scoped object",
            description = "Send metadata.resourceVersion for optimistic concurrency: a stale one answers 409.")
    GenericKubernetesResource replaceClusterScoped(@PathVariable String cluster, @PathVariable String type,
            @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.CLUSTER_OBJECT))) @RequestBody GenericKubernetesResource body) {
        return resources.replace(cluster, type, null, name, body);
    }

    @PutMapping("/namespaces/{namespace}/resources/{type}/{name}")
    @Operation(summary = "Replace an object",
            description = "Send metadata.resourceVersion for optimistic concurrency: a stale one answers 409.")
    GenericKubernetesResource replace(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String type, @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.OBJECT))) @RequestBody GenericKubernetesResource body) {
        return resources.replace(cluster, type, namespace, name, body);
    }

    @DeleteMapping("/resources/{type}/{name}")
    @Operation(summary = "Delete a cluster-scoped object")
    ResponseEntity<Void> deleteClusterScoped(@PathVariable String cluster, @PathVariable String type,
            @PathVariable String name, @RequestParam(required = false) String propagationPolicy) {
        resources.delete(cluster, type, null, name, propagationPolicy);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/namespaces/{namespace}/resources/{type}/{name}")
    @Operation(summary = "Delete an object", description = "propagationPolicy: Background (default), Foreground, Orphan.")
    ResponseEntity<Void> delete(@PathVariable String cluster, @PathVariable String namespace,
            @PathVariable String type, @PathVariable String name,
            @RequestParam(required = false) String propagationPolicy) {
        resources.delete(cluster, type, namespace, name, propagationPolicy);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/apply", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain",
            "application/json"})
    @Operation(summary = "Apply YAML or JSON (server-side apply, field manager flotilla)",
            description = "One or many documents. Every document is checked and authorised before the first write. "
                    + "dryRun=true persists nothing and lists the changed fields of each document. A failure "
                    + "part-way answers 422 listing which documents were applied, failed and not tried.")
    ApplyReport apply(@PathVariable String cluster, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/yaml", examples = @ExampleObject(name = "namespace and deployment", value = ApiExamples.APPLY_YAML))) @RequestBody String body,
            @Parameter(description = "namespace for documents without one")
            @RequestParam(required = false) String namespace,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return applier.apply(cluster, body, namespace, dryRun);
    }
}
