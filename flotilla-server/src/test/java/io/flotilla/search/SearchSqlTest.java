package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.iam.Listable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchSqlTest {

    private static final SearchType PODS = new SearchType("", "v1", "pods", "Pod", true, List.of("po"), List.of());
    private static final SearchType DEPLOYMENTS = new SearchType("apps", "v1", "deployments", "Deployment", true,
            List.of(), List.of());
    private static final String HOSTILE = "x'; DROP TABLE search_resources; --";

    private static SearchQuery query(List<SearchType> types, String... pairs) {
        java.util.Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return SearchParams.parse(params, new SearchParams.Limits(500, 5000)).scoped(types, null, null);
    }

    @Test
    void bindsEveryUserValueAsAParameter() {
        SearchQuery q = query(List.of(PODS), "clusters", HOSTILE, "namespaces", HOSTILE, "names", HOSTILE,
                "fuzzyName", HOSTILE, "ownerName", HOSTILE, "ownerGR", "deployments.apps",
                "fieldSelector", "metadata.annotations['" + "x'' OR 1=1" + "']=" + "y' OR '1'='1",
                "labelSelector", "app=web");
        SearchSql.Statement s = SearchSql.page(q, Map.of(PODS, Listable.everything()), null,
                SearchSql.Projection.OBJECT);
        assertThat(s.sql()).doesNotContain("DROP").doesNotContain("OR 1=1").doesNotContain("'1'='1")
                .doesNotContain("web");
        assertThat(s.params().values().stream().map(v -> v instanceof String[] a ? Arrays.toString(a) : String.valueOf(v)))
                .anyMatch(v -> v.contains("DROP TABLE")).anyMatch(v -> v.contains("OR 1=1"));
    }

    @Test
    void putsThePermissionFilterOfEachTypeIntoTheWhereClause() {
        SearchQuery q = query(List.of(PODS, DEPLOYMENTS));
        Listable some = new Listable(false, Set.of("east"), Map.of("west", Set.of("shop")));
        SearchSql.Statement s = SearchSql.page(q, Map.of(PODS, some, DEPLOYMENTS, Listable.nothing()), null,
                SearchSql.Projection.OBJECT);
        assertThat(s.sql()).contains("r.cluster = ANY(:a0_c)").contains("r.namespace = ANY(:a0_nn0)")
                .contains("r.resource = :tr1 AND false");
        assertThat(SearchSql.count(q, Map.of(), null).sql()).contains("AND false");
    }

    @Test
    void statementsNameTheTypesTheyReadAndOwnerChainsReadEveryType() {
        Map<SearchType, Listable> all = Map.of(PODS, Listable.everything(), DEPLOYMENTS, Listable.everything());
        assertThat(SearchSql.page(query(List.of(PODS, DEPLOYMENTS)), all, null, SearchSql.Projection.OBJECT).reads())
                .containsExactlyInAnyOrder("/pods", "apps/deployments");
        assertThat(SearchSql.count(query(List.of(PODS)), all, null).reads()).containsExactly("/pods");
        SearchQuery owned = query(List.of(PODS), "ownerName", "web", "ownerGR", "deployments.apps", "ownerSeniority", "1");
        assertThat(SearchSql.page(owned, all, null, SearchSql.Projection.OBJECT).reads())
                .containsExactly(SearchCache.EVERY_TYPE);
    }

    @Test
    void seeksWithARowComparisonWhenAllTermsShareADirection() {
        SearchQuery q = query(List.of(PODS), "orderby", "name desc");
        assertThat(SearchSql.order(q)).extracting(SearchOrder::toString)
                .containsExactly("NAME desc", "CLUSTER desc", "NAMESPACE desc");
        SearchSql.Statement s = SearchSql.page(q, Map.of(PODS, Listable.everything()), List.of("a", "b", "c"),
                SearchSql.Projection.OBJECT);
        assertThat(s.sql()).contains("(name, cluster, namespace) < (CAST(:k0 AS text), CAST(:k1 AS text), "
                + "CAST(:k2 AS text))").contains("ORDER BY name DESC, cluster DESC, namespace DESC LIMIT :lim");
        assertThat(s.params()).containsEntry("lim", 501);
    }

    @Test
    void expandsTheSeekForMixedDirections() {
        SearchQuery q = query(List.of(PODS, DEPLOYMENTS), "orderby", "created_at", "orderby", "name desc");
        List<SearchOrder> order = SearchSql.order(q);
        assertThat(order).extracting(SearchOrder::toString).containsExactly("CREATED_AT", "NAME desc", "CLUSTER",
                "GROUP", "RESOURCE", "NAMESPACE");
        String seek = SearchSql.seek(order, List.of("t", "n", "c", "g", "r", "ns"), new java.util.HashMap<>());
        assertThat(seek).startsWith("((coalesce(created_at").contains(" OR (coalesce(created_at")
                .contains("name < CAST(:k1 AS text)").contains("namespace > CAST(:k5 AS text)");
    }

    @Test
    void skipsOffsetRowsAfterThePermissionFilter() {
        SearchQuery q = query(List.of(PODS), "offset", "40");
        Listable some = new Listable(false, Set.of("east"), Map.of());
        SearchSql.Statement s = SearchSql.page(q, Map.of(PODS, some), null, SearchSql.Projection.OBJECT);
        assertThat(s.sql()).contains("r.cluster = ANY(:a0_c)").contains("LIMIT :lim OFFSET :off");
        assertThat(s.params()).containsEntry("off", 40);
        assertThat(SearchSql.page(query(List.of(PODS)), Map.of(PODS, some), null, SearchSql.Projection.OBJECT).sql())
                .doesNotContain("OFFSET");
    }

    @Test
    void walksOwnerGenerationsForSeniority() {
        SearchQuery q = query(List.of(PODS), "ownerUID", "u-1", "ownerSeniority", "2");
        String sql = SearchSql.page(q, Map.of(PODS, Listable.everything()), null, SearchSql.Projection.OBJECT).sql();
        assertThat(sql).contains("(r.cluster, r.owner_uid) IN (SELECT o2.cluster, o2.uid FROM search_resources o2 "
                + "WHERE (o2.cluster, o2.owner_uid) IN (SELECT o1.cluster, o1.uid FROM search_resources o1 WHERE "
                + "o1.owner_uid = :ou))");
    }
}
