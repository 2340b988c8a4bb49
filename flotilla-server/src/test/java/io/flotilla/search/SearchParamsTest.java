package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.LabelSelector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

    private static final SearchParams.Limits LIMITS = new SearchParams.Limits(500, 5000);

    private static SearchQuery parse(String... pairs) {
        java.util.Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return SearchParams.parse(params, LIMITS);
    }

    @Test
    void readsUrlQueriesAsClusterpediaNamesThem() {
        SearchQuery q = parse("clusters", "a,b", "namespaces", "shop", "names", "web", "fuzzyName", "we",
                "since", "2024-05-01", "before", "1714600000", "ownerName", "web", "ownerGR", "deployments.apps",
                "ownerSeniority", "1", "orderby", "name desc", "orderby", "cluster", "limit", "20",
                "withRemainingCount", "true");
        assertThat(q.clusters().in()).containsExactly("a", "b");
        assertThat(q.namespaces().in()).containsExactly("shop");
        assertThat(q.names().in()).containsExactly("web");
        assertThat(q.fuzzyNames()).containsExactly("we");
        assertThat(q.since()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(q.before()).isEqualTo(Instant.ofEpochSecond(1714600000));
        assertThat(q.owner()).isEqualTo(new SearchQuery.Owner(null, "web", "apps", "deployments", 1));
        assertThat(q.orderBy()).containsExactly(new SearchOrder(SearchOrder.Column.NAME, true),
                new SearchOrder(SearchOrder.Column.CLUSTER, false));
        assertThat(q.limit()).isEqualTo(20);
        assertThat(q.withRemainingCount()).isTrue();
        assertThat(q.withContinue()).isTrue();
    }

    @Test
    void takesSearchKeysOutOfTheLabelSelectorAndKeepsTheRest() {
        SearchQuery q = parse("labelSelector", "app=web,search.clusterpedia.io/clusters in (a, b),"
                + "search.clusterpedia.io/namespaces notin (kube-system),internalstorage.clusterpedia.io/fuzzy-name=ab,"
                + "search.clusterpedia.io/orderby in (created_at_desc),search.clusterpedia.io/owner-uid=u-1,"
                + "search.clusterpedia.io/owner-seniority=2,search.clusterpedia.io/since=2024-05-01 10:00:00,"
                + "search.clusterpedia.io/with-remaining-count=true,tier notin (db),!canary");
        assertThat(q.labels()).isEqualTo(LabelSelector.parse("app=web,tier notin (db),!canary"));
        assertThat(q.clusters().in()).containsExactly("a", "b");
        assertThat(q.namespaces().notIn()).containsExactly("kube-system");
        assertThat(q.fuzzyNames()).containsExactly("ab");
        assertThat(q.orderBy()).containsExactly(new SearchOrder(SearchOrder.Column.CREATED_AT, true));
        assertThat(q.owner()).isEqualTo(new SearchQuery.Owner("u-1", null, null, null, 2));
        assertThat(q.since()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(q.withRemainingCount()).isTrue();
    }

    @Test
    void urlAndLabelRestrictionsApplyTogether() {
        SearchQuery q = parse("clusters", "a,b", "labelSelector", "search.clusterpedia.io/clusters in (b,c)");
        assertThat(q.clusters().in()).containsExactly("b");
    }

    @Test
    void noCacheHeadersAskForAFreshRead() {
        assertThat(SearchParams.fresh(null, null)).isFalse();
        assertThat(SearchParams.fresh("max-age=60", null)).isFalse();
        assertThat(SearchParams.fresh("max-age=05", null)).isFalse();
        assertThat(SearchParams.fresh("No-Cache", null)).isTrue();
        assertThat(SearchParams.fresh("no-store", null)).isTrue();
        assertThat(SearchParams.fresh("private, max-age = 0", null)).isTrue();
        assertThat(SearchParams.fresh(null, "no-cache")).isTrue();
    }

    @Test
    void absentOrZeroLimitIsTheDefaultPage() {
        assertThat(parse().limit()).isEqualTo(500);
        assertThat(parse("limit", "0").limit()).isEqualTo(500);
    }

    @Test
    void rejectsEveryMalformedParameterWithItsName() {
        Map<String, String[]> bad = Map.ofEntries(
                Map.entry("limit", new String[] {"limit", "5001"}),
                Map.entry("limit ", new String[] {"limit", "-1"}),
                Map.entry("limit  ", new String[] {"limit", "ten"}),
                Map.entry("orderby", new String[] {"orderby", "uid"}),
                Map.entry("orderby ", new String[] {"orderby", "name; DROP TABLE search_resources"}),
                Map.entry("since", new String[] {"since", "yesterday"}),
                Map.entry("ownerSeniority", new String[] {"ownerSeniority", "9"}),
                Map.entry("ownerGR", new String[] {"ownerGR", "deployments.apps'--"}),
                Map.entry("labelSelector", new String[] {"labelSelector", "app in (web"}),
                Map.entry("labelSelector ", new String[] {"labelSelector", "app=it's"}),
                Map.entry("labelSelector  ", new String[] {"labelSelector", "search.clusterpedia.io/bogus=1"}),
                Map.entry("labelSelector search.clusterpedia.io/offset",
                        new String[] {"labelSelector", "search.clusterpedia.io/offset=-1"}),
                Map.entry("offset", new String[] {"offset", "10001"}),
                Map.entry("offset ", new String[] {"offset", "5", "continue", "token"}),
                Map.entry("fieldSelector", new String[] {"fieldSelector", "status.phase~Running"}),
                Map.entry("fieldSelector ", new String[] {"fieldSelector", "metadata.annotations['x=1"}),
                Map.entry("clusters", new String[] {"clusters", "a\u0000b"}),
                Map.entry("withContinue", new String[] {"withContinue", "maybe"}));
        bad.forEach((what, pair) -> assertThatThrownBy(() -> parse(pair))
                .as(what).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400))
                .hasMessageContaining(what.strip()));
    }

    @Test
    void takesOffsetFromTheUrlOrTheSearchLabel() {
        assertThat(parse("offset", "20").offset()).isEqualTo(20);
        assertThat(parse("labelSelector", "search.clusterpedia.io/offset=30,app=web").offset()).isEqualTo(30);
        assertThat(parse("limit", "5").offset()).isZero();
        assertThat(parse("offset", "0", "continue", "x").offset()).isZero();
    }

    @Test
    void ownerNameIsIgnoredWhenAnOwnerUidIsGiven() {
        SearchQuery q = parse("ownerUID", "u-1", "ownerName", "web");
        assertThat(q.owner()).isEqualTo(new SearchQuery.Owner("u-1", null, null, null, 0));
    }

    @Test
    void shapeIgnoresPagingButNotFilters() {
        assertThat(parse("labelSelector", "app=web", "limit", "5").shape())
                .isEqualTo(parse("labelSelector", "app=web", "limit", "50", "continue", "x").shape())
                .isNotEqualTo(parse("labelSelector", "app=db").shape());
    }
}
