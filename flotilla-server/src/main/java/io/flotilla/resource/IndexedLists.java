package io.flotilla.resource;

import static io.flotilla.platform.JsonText.quote;

import io.flotilla.search.SearchIndex;
import io.flotilla.search.SearchParams;
import io.flotilla.search.SearchQuery;
import io.flotilla.search.SearchService;
import io.flotilla.search.SearchSql;
import io.flotilla.search.SearchType;
import io.flotilla.search.SyncStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pages of a cluster's lists read from the search index ({@link ListSource} decides when): the same
 * Kubernetes list document the cluster would answer, in namespace/name order, with the index's keyset
 * continue token (prefixed {@link ListSource#INDEX_TOKEN}) and, as resourceVersion, the version the index's
 * watch of that kind has reached, so a watch started from it misses nothing the page did not show.
 */
@Component
class IndexedLists {

    private static final Logger log = LoggerFactory.getLogger(IndexedLists.class);

    private final SearchIndex index;
    private final SearchService search;

    IndexedLists(SearchIndex index, SearchService search) {
        this.index = index;
        this.search = search;
    }

    /** The index's sync status of a cluster, or null when it cannot be read (the cluster is then read). */
    SyncStatus status(String cluster) {
        try {
            return index.status(cluster);
        } catch (RuntimeException e) {
            log.warn("cluster {}: search index status not readable, lists read the cluster: {}", cluster,
                    e.getMessage());
            return null;
        }
    }

    /**
     * One page from the index as the UTF-8 JSON of a Kubernetes list (the stored objects' bytes are copied, never
     * parsed or decoded);
     * the caller has checked with {@link ListSource} that the index is current for the kind. The search service
     * filters by what the current caller may list.
     */
    byte[] page(String cluster, ResourceType type, String namespace, String labelSelector,
            String fieldSelector, int limit, String continueToken, SyncStatus status, String nameContains) {
        SearchType searchType = search.types().all().stream()
                .filter(t -> t.group().equals(type.group()) && t.resource().equals(type.plural()))
                .findFirst().orElseGet(() -> new SearchType(type.group(), type.version(), type.plural(), type.kind(),
                        type.namespaced(), type.shortNames(), List.of()));
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "labelSelector", labelSelector);
        put(params, "fieldSelector", fieldSelector);
        put(params, "limit", Integer.toString(limit));
        put(params, "fuzzyName", nameContains);
        if (continueToken != null && continueToken.startsWith(ListSource.INDEX_TOKEN)) {
            put(params, "continue", continueToken.substring(ListSource.INDEX_TOKEN.length()));
        }
        SearchQuery q = SearchParams.parse(params, search.limits()).scoped(List.of(searchType), cluster, namespace);
        SearchService.Page page = search.search(q, SearchSql.Projection.STORED);
        SyncStatus.Resource synced = ListSource.synced(status, type);
        StringBuilder head = new StringBuilder(256);
        head.append("{\"apiVersion\":").append(quote(type.apiVersion())).append(",\"kind\":")
                .append(quote(type.kind() + "List")).append(",\"metadata\":{");
        String rv = synced == null ? null : synced.resourceVersion();
        if (rv != null) {
            head.append("\"resourceVersion\":").append(quote(rv));
        }
        if (page.continueToken() != null) {
            head.append(rv != null ? "," : "").append("\"continue\":")
                    .append(quote(ListSource.INDEX_TOKEN + page.continueToken()));
        }
        head.append("},\"items\":[");
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                256 + page.rows().stream().mapToInt(r -> r.jsonUtf8().length + 1).sum());
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < page.rows().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(page.rows().get(i).jsonUtf8());
        }
        out.write(']');
        out.write('}');
        return out.toByteArray();
    }


    private static void put(Map<String, List<String>> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, List.of(value));
        }
    }
}
