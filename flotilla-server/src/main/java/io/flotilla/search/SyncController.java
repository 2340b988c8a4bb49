package io.flotilla.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.cluster.Cluster;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the search sync status: how far the index is with each cluster. */
@RestController
@RequestMapping("/api/v1/search/status")
@Tag(name = "Search sync", description = "Progress and health of syncing member clusters into the search index")
class SyncController {

    private static final String RESOURCE = "clusters";

    private final ClusterService clusters;
    private final IndexReader reader;
    private final Authorization authz;

    SyncController(ClusterService clusters, IndexReader reader, Authorization authz) {
        this.clusters = clusters;
        this.reader = reader;
        this.authz = authz;
    }

    /** A page of cluster sync statuses; {@code continue} is null on the last page. */
    record SyncStatusList(List<SyncStatus> items, @JsonProperty("continue") String continueToken) {}

    @GetMapping
    @Operation(summary = "Sync status of every cluster the caller may see",
            description = "Ordered by cluster name, paged with limit/continue.")
    SyncStatusList list(
            @Parameter(description = "page size, 1-500, default 50") @RequestParam(required = false) Integer limit,
            @Parameter(description = "token from the previous page") @RequestParam(name = "continue", required = false)
            String continueToken) {
        Listable visible = authz.listable(authz.current(), RESOURCE, "list");
        Page<Cluster> page = visible.all() ? clusters.list(null, null, limit, continueToken)
                : clusters.list(null, null, limit, continueToken, visible.anyClusters());
        return new SyncStatusList(statuses(page.items().stream().map(Cluster::name).toList()), page.continueToken());
    }

    @GetMapping("/{cluster}")
    @Operation(summary = "Sync status of one cluster",
            description = "Phase (Syncing, Synced, Stale, Error), per-resource counts, last event, lag, errors and "
                    + "initial-list progress. 404 when the cluster is not registered or not visible to the caller.")
    SyncStatus get(@PathVariable String cluster) {
        authz.requireVisible("get", RESOURCE, new Scope.Cluster(cluster), cluster, "cluster '" + cluster + "'");
        clusters.get(cluster);
        return statuses(List.of(cluster)).getFirst();
    }

    private List<SyncStatus> statuses(List<String> names) {
        return reader.statuses(names);
    }
}
