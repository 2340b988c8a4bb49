package io.flotilla.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Nodes, namespaces and the cluster overview. */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
@Tag(name = "Cluster operations", description = "Nodes (cordon, drain, labels, taints), namespaces, overview")
class ClusterOpsController {

    private final NodeService nodes;
    private final NamespaceService namespaces;
    private final OverviewService overview;

    ClusterOpsController(NodeService nodes, NamespaceService namespaces, OverviewService overview) {
        this.nodes = nodes;
        this.namespaces = namespaces;
        this.overview = overview;
    }

    /** Body of a node edit: labels and/or taints ({@code key[=value]:Effect}) replace the current ones. */
    record NodeEdit(Map<String, String> labels, List<String> taints) {}

    @GetMapping("/overview")
    @Operation(summary = "Cluster overview", description = "Node and pod counts, requested vs allocatable CPU and "
            + "memory, workload states, recent warning events.")
    OverviewService.Overview overview(@PathVariable String cluster) {
        return overview.overview(cluster);
    }

    @GetMapping("/nodes")
    @Operation(summary = "List nodes")
    List<NodeSummary> nodes(@PathVariable String cluster) {
        return nodes.list(cluster);
    }

    @GetMapping("/nodes/{name}")
    @Operation(summary = "A node: capacity, allocatable, OS, kernel, kubelet, conditions, taints, labels")
    NodeSummary node(@PathVariable String cluster, @PathVariable String name) {
        return nodes.get(cluster, name);
    }

    @GetMapping("/nodes/{name}/pods")
    @Operation(summary = "Pods on a node")
    List<PodSummary> nodePods(@PathVariable String cluster, @PathVariable String name) {
        return nodes.pods(cluster, name);
    }

    @PostMapping("/nodes/{name}/cordon")
    @Operation(summary = "Mark a node unschedulable")
    NodeSummary cordon(@PathVariable String cluster, @PathVariable String name) {
        return nodes.cordon(cluster, name, true);
    }

    @PostMapping("/nodes/{name}/uncordon")
    @Operation(summary = "Mark a node schedulable again")
    NodeSummary uncordon(@PathVariable String cluster, @PathVariable String name) {
        return nodes.cordon(cluster, name, false);
    }

    @PatchMapping("/nodes/{name}")
    @Operation(summary = "Replace a node's labels and/or taints")
    NodeSummary edit(@PathVariable String cluster, @PathVariable String name, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.NODE_EDIT))) @RequestBody NodeEdit body) {
        return nodes.edit(cluster, name, body.labels(), body.taints());
    }

    @PostMapping("/nodes/{name}/drain")
    @Operation(summary = "Drain a node", description = "Cordons it and evicts its pods in the background (respecting "
            + "PodDisruptionBudgets; DaemonSet and mirror pods are skipped). Answers 202 with a drain report; follow "
            + "it at /api/v1/drains/{id}.")
    ResponseEntity<DrainReport> drain(@PathVariable String cluster, @PathVariable String name,
            @RequestParam(defaultValue = "120") int timeoutSeconds) {
        DrainReport report = nodes.startDrain(cluster, name, Duration.ofSeconds(Math.max(1, Math.min(timeoutSeconds, 3600))));
        return ResponseEntity.accepted().header("Location", "/api/v1/drains/" + report.id()).body(report);
    }

    @GetMapping("/namespaces")
    @Operation(summary = "Namespaces with quota usage (used/hard)")
    List<NamespaceService.NamespaceSummary> namespaces(@PathVariable String cluster) {
        return namespaces.list(cluster);
    }

    @PostMapping("/namespaces")
    @Operation(summary = "Create a namespace with a quota and default limits",
            description = "quotaPreset small|medium|large, or custom quota; defaultLimits/defaultRequests make a "
                    + "LimitRange. Validated before anything is written.")
    ResponseEntity<NamespaceService.NamespaceSummary> createNamespace(@PathVariable String cluster,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {@ExampleObject(name = "preset quota and default limits", value = ApiExamples.NAMESPACE), @ExampleObject(name = "custom quota", value = ApiExamples.NAMESPACE_CUSTOM_QUOTA)})) @RequestBody NamespaceService.NamespaceRequest body) {
        return ResponseEntity.status(201).body(namespaces.create(cluster, body));
    }

    @DeleteMapping("/namespaces/{name}")
    @Operation(summary = "Delete a namespace and everything in it")
    ResponseEntity<Void> deleteNamespace(@PathVariable String cluster, @PathVariable String name) {
        namespaces.delete(cluster, name);
        return ResponseEntity.noContent().build();
    }
}
