package io.flotilla.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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

/** REST API of the cluster registry. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Clusters", description = "Register member clusters, follow their health")
class ClusterController {

    private static final String RESOURCE = "clusters";

    private final ClusterService clusters;
    private final Authorization authz;

    ClusterController(ClusterService clusters, Authorization authz) {
        this.clusters = clusters;
        this.authz = authz;
    }

    /** A page of clusters; {@code continue} is null on the last page. */
    record ClusterList(List<Cluster> items, @JsonProperty("continue") String continueToken) {
        static ClusterList of(Page<Cluster> page) {
            return new ClusterList(page.items(), page.continueToken());
        }
    }

    @GetMapping("/clusters")
    @Operation(summary = "List clusters", description = "Ordered by name, paged with limit/continue.")
    ClusterList list(
            @Parameter(description = "Kubernetes label selector, e.g. region=east,provider in (aws,gcp)")
            @RequestParam(required = false) String labelSelector,
            @Parameter(description = "Running, Unhealthy or Unknown") @RequestParam(required = false) String phase,
            @Parameter(description = "page size, 1-500, default 50") @RequestParam(required = false) Integer limit,
            @Parameter(description = "token from the previous page") @RequestParam(name = "continue", required = false)
            String continueToken) {
        Listable visible = authz.listable(authz.current(), RESOURCE, "list");
        if (visible.all()) {
            return ClusterList.of(clusters.list(labelSelector, phase, limit, continueToken));
        }
        return ClusterList.of(clusters.list(labelSelector, phase, limit, continueToken, visible.anyClusters()));
    }

    @PostMapping("/clusters")
    @Operation(summary = "Register a cluster",
            description = "Verifies the connection (GET /version, nodes) before storing anything; 422 when the "
                    + "cluster is unreachable or rejects the credentials, unless skipVerification is true.")
    ResponseEntity<Cluster> register(@RequestBody ClusterRequest request) {
        authz.require("create", RESOURCE, Scope.PLATFORM, request.name());
        Cluster created = clusters.register(request);
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + created.name())).body(created);
    }

    @GetMapping("/clusters/{name}")
    @Operation(summary = "Get a cluster")
    Cluster get(@PathVariable String name) {
        authz.requireVisible("get", RESOURCE, new Scope.Cluster(name), name, "cluster '" + name + "'");
        return clusters.get(name);
    }

    @PatchMapping("/clusters/{name}")
    @Operation(summary = "Update a cluster",
            description = "Display name, description, labels (replaced whole) and credentials (verified first).")
    Cluster update(@PathVariable String name, @RequestBody ClusterRequest request) {
        authz.requireVisible("update", RESOURCE, new Scope.Cluster(name), name, "cluster '" + name + "'");
        return clusters.update(name, request);
    }

    @DeleteMapping("/clusters/{name}")
    @Operation(summary = "Remove a cluster", description = "Stops all work for it; the cluster itself is untouched.")
    ResponseEntity<Void> delete(@PathVariable String name) {
        authz.requireVisible("delete", RESOURCE, new Scope.Cluster(name), name, "cluster '" + name + "'");
        clusters.delete(name);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/clusters/{name}/probe")
    @Operation(summary = "Check a cluster's health now")
    Cluster probe(@PathVariable String name) {
        authz.requireVisible("update", RESOURCE, new Scope.Cluster(name), name, "cluster '" + name + "'");
        return clusters.probe(name);
    }

    @PostMapping("/cluster-verifications")
    @Operation(summary = "Test credentials without storing them",
            description = "Same body as registration; answers whether the cluster is reachable.")
    VerificationResult verify(@RequestBody ClusterRequest request) {
        authz.require("create", RESOURCE, Scope.PLATFORM, request.name());
        return clusters.verify(request);
    }
}
