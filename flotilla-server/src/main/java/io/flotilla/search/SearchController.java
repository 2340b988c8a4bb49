package io.flotilla.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's multi-cluster search: the same engine as the Kubernetes-compatible API, answering
 * summary rows (no full objects) with problem+json errors.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search", description = "Search the synced resources of every cluster you may read")
class SearchController {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private final SearchService search;
    private final ObjectMapper json = new ObjectMapper();

    SearchController(SearchService search) {
        this.search = search;
    }

    /**
     * One result row.
     *
     * @param status pod/namespace/volume phase, or Ready/NotReady for nodes
     * @param node the node a pod runs on
     * @param ready ready/desired for pods (containers) and workloads (replicas)
     */
    record SearchHit(String cluster, String group, String version, String resource, String kind, String namespace,
            String name, String uid, Map<String, String> labels, OffsetDateTime created, String resourceVersion,
            String status, String node, String ready) {}

    /**
     * A page of results.
     *
     * @param continueToken token for the next page; null on the last page
     * @param remainingItemCount results after this page, when withRemainingCount=true
     */
    record SearchResults(List<SearchHit> items, @JsonProperty("continue") String continueToken,
            Long remainingItemCount) {}

    @GetMapping("/search")
    @Operation(summary = "Search resources across clusters",
            description = "Clusterpedia's search over the index of every cluster's objects, filtered by what "
                    + "you may list. Ordered by cluster, namespace, name unless orderby says otherwise; paged "
                    + "with limit and continue (keyset: stable while objects change). The label selector "
                    + "also accepts the search.clusterpedia.io/* keys.")
    SearchResults search(HttpServletRequest request,
            @Parameter(description = "resource types, comma-separated, as kubectl names them: pods, "
                    + "deployments.apps, deploy, a CRD's plural.group", required = true)
            @RequestParam String resources,
            @Parameter(description = "clusters to search, comma-separated") @RequestParam(required = false)
            String clusters,
            @Parameter(description = "namespaces, comma-separated") @RequestParam(required = false) String namespaces,
            @Parameter(description = "exact names, comma-separated") @RequestParam(required = false) String names,
            @Parameter(description = "part of the name (case-insensitive)") @RequestParam(required = false)
            String fuzzyName,
            @Parameter(description = "created at or after: RFC 3339, 2024-05-01, or a Unix timestamp")
            @RequestParam(required = false) String since,
            @Parameter(description = "created before (same formats as since)") @RequestParam(required = false)
            String before,
            @Parameter(description = "uid of the owner") @RequestParam(required = false) String ownerUID,
            @Parameter(description = "name of the owner (when no ownerUID)") @RequestParam(required = false)
            String ownerName,
            @Parameter(description = "owner's group resource, e.g. deployments.apps") @RequestParam(required = false)
            String ownerGR,
            @Parameter(description = "0: direct owner, 1: grandparent (Deployment → Pods), up to 5")
            @RequestParam(required = false) String ownerSeniority,
            @Parameter(description = "e.g. app=web,tier in (a,b),!canary") @RequestParam(required = false)
            String labelSelector,
            @Parameter(description = "any field: status.phase=Running,spec.nodeName!=n1,"
                    + "metadata.annotations['a/b']=x") @RequestParam(required = false) String fieldSelector,
            @Parameter(description = "name, namespace, cluster, created_at or resource_version, each optionally "
                    + "followed by ' desc'; comma-separated") @RequestParam(required = false) String orderby,
            @Parameter(description = "page size (default 500, at most 5000)") @RequestParam(required = false)
            String limit,
            @Parameter(description = "token from the previous page") @RequestParam(name = "continue",
                    required = false) String continueToken,
            @Parameter(description = "results to skip before the page (0 to 10000; not with continue; deep "
                    + "pages: continue)") @RequestParam(required = false) String offset,
            @Parameter(description = "also count the results after this page") @RequestParam(required = false)
            String withRemainingCount) {
        List<SearchType> types = resolve(resources, search.types().all());
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, Arrays.asList(v)));
        SearchQuery q = SearchParams.parse(params, search.limits()).scoped(types, null, null);
        SearchService.Page page = search.search(q, SearchSql.Projection.SUMMARY,
                SearchParams.fresh(request.getHeader("Cache-Control"), request.getHeader("Pragma")));
        List<SearchHit> hits = new ArrayList<>(page.rows().size());
        for (SearchService.Row r : page.rows()) {
            SearchService.Summary s = r.summary();
            hits.add(new SearchHit(r.cluster(), r.group(), r.version(), r.resource(), r.kind(),
                    r.namespace().isEmpty() ? null : r.namespace(), r.name(), s.uid(), labels(s.labelsJson()),
                    s.created(), s.resourceVersion(), s.status(), s.node(), s.ready()));
        }
        return new SearchResults(hits, page.continueToken(), page.remainingItemCount());
    }

    static List<SearchType> resolve(String resources, List<SearchType> served) {
        Set<SearchType> out = new LinkedHashSet<>();
        for (String name : resources.split(",")) {
            String n = name.strip();
            if (n.isEmpty()) {
                continue;
            }
            SearchType found = served.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(n)).findFirst()
                    .or(() -> served.stream().filter(t -> t.answersTo(n)).findFirst())
                    .orElseThrow(() -> ApiException.badRequest("resources", "'" + SearchParams.abbreviate(n)
                            + "' is not a served resource type; use names such as pods, deployments.apps, deploy"));
            out.add(found);
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("resources", "name at least one resource type, e.g. pods");
        }
        return List.copyOf(out);
    }

    private Map<String, String> labels(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, LABELS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
