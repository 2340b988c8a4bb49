package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.search.SearchIndex;
import io.flotilla.search.SearchParams;
import io.flotilla.search.SearchQuery;
import io.flotilla.search.SearchService;
import io.flotilla.search.SearchSql;
import io.flotilla.search.SearchType;
import io.flotilla.search.SyncStatus;
import java.util.ArrayList;
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
    private final KubernetesSerialization json;

    IndexedLists(SearchIndex index, SearchService search, KubernetesSerialization json) {
        this.index = index;
        this.search = search;
        this.json = json;
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
     * One page from the index; the caller has checked with {@link ListSource} that the index is current for
     * the kind. The search service filters by what the current caller may list.
     */
    GenericKubernetesResourceList page(String cluster, ResourceType type, String namespace, String labelSelector,
            String fieldSelector, int limit, String continueToken, SyncStatus status) {
        SearchType searchType = search.types().all().stream()
                .filter(t -> t.group().equals(type.group()) && t.resource().equals(type.plural()))
                .findFirst().orElseGet(() -> new SearchType(type.group(), type.version(), type.plural(), type.kind(),
                        type.namespaced(), type.shortNames(), List.of()));
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "labelSelector", labelSelector);
        put(params, "fieldSelector", fieldSelector);
        put(params, "limit", Integer.toString(limit));
        if (continueToken != null && continueToken.startsWith(ListSource.INDEX_TOKEN)) {
            put(params, "continue", continueToken.substring(ListSource.INDEX_TOKEN.length()));
        }
        SearchQuery q = SearchParams.parse(params, search.limits()).scoped(List.of(searchType), cluster, namespace);
        SearchService.Page page = search.search(q, SearchSql.Projection.OBJECT);
        List<GenericKubernetesResource> items = new ArrayList<>(page.rows().size());
        for (SearchService.Row row : page.rows()) {
            GenericKubernetesResource o = json.unmarshal(row.json(), GenericKubernetesResource.class);
            Map<String, String> annotations = o.getMetadata().getAnnotations();
            if (annotations != null) {
                annotations.remove(SearchSql.CLUSTER_ANNOTATION);
                if (annotations.isEmpty()) {
                    o.getMetadata().setAnnotations(null);
                }
            }
            items.add(o);
        }
        SyncStatus.Resource synced = ListSource.synced(status, type);
        GenericKubernetesResourceList list = new GenericKubernetesResourceList();
        list.setApiVersion(type.apiVersion());
        list.setKind(type.kind() + "List");
        list.setItems(items);
        list.setMetadata(new ListMetaBuilder()
                .withResourceVersion(synced == null ? null : synced.resourceVersion())
                .withContinue(page.continueToken() == null ? null : ListSource.INDEX_TOKEN + page.continueToken())
                .build());
        return list;
    }

    private static void put(Map<String, List<String>> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, List.of(value));
        }
    }
}
