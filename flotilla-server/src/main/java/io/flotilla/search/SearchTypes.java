package io.flotilla.search;

import io.flotilla.sandbox.api.ResourceCatalog;
import io.flotilla.sandbox.api.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The resource types the search API serves: the built-in Kubernetes kinds (always, so kubectl can
 * ask for any of them even before anything was synced) plus every type found in the index (CRDs),
 * in the version it was synced in. The index part is read with a loose index scan and cached briefly.
 */
@Component
public class SearchTypes {

    private static final Duration TTL = Duration.ofSeconds(15);

    /** Distinct (group, resource) pairs by skipping through the index, then one row of each for version/kind. */
    private static final String INDEXED = """
            WITH RECURSIVE t(g, r) AS (
              (SELECT api_group, resource FROM search_resources ORDER BY api_group, resource LIMIT 1)
              UNION ALL
              SELECT n.api_group, n.resource FROM t, LATERAL (
                SELECT s.api_group, s.resource FROM search_resources s
                WHERE (s.api_group, s.resource) > (t.g, t.r) ORDER BY s.api_group, s.resource LIMIT 1) n
            )
            SELECT t.g, t.r, x.version, x.kind, x.namespace <> '' AS namespaced FROM t, LATERAL (
              SELECT s.version, s.kind, s.namespace FROM search_resources s
              WHERE s.api_group = t.g AND s.resource = t.r LIMIT 1) x
            """;

    private record Cached(List<SearchType> types, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<SearchType> builtIn;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    SearchTypes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.builtIn = new ResourceCatalog().all().stream().map(SearchTypes::of).toList();
    }

    /** Every served type: built-in first (discovery order), then the index's other types. */
    public List<SearchType> all() {
        Cached c = cache.get();
        if (c == null || c.at().plus(TTL).isBefore(clock.instant())) {
            c = new Cached(load(), clock.instant());
            cache.set(c);
        }
        return c.types();
    }

    /** Forgets the cached index types (tests, after filling the index directly). */
    public void refresh() {
        cache.set(null);
    }

    private List<SearchType> load() {
        Map<String, SearchType> byGroupResource = new LinkedHashMap<>();
        for (SearchType t : builtIn) {
            byGroupResource.put(t.group() + "/" + t.resource(), t);
        }
        List<SearchType> extra = new ArrayList<>();
        jdbc.sql(INDEXED).query((rs, i) -> new SearchType(rs.getString(1), rs.getString(3), rs.getString(2),
                rs.getString(4), rs.getBoolean(5), List.of(), List.of())).list().forEach(t -> {
                    String key = t.group() + "/" + t.resource();
                    SearchType known = byGroupResource.get(key);
                    if (known == null) {
                        extra.add(t);
                    } else if (!known.version().equals(t.version())) {
                        // served in the version the clusters were synced in
                        byGroupResource.put(key, new SearchType(known.group(), t.version(), known.resource(),
                                known.kind(), known.namespaced(), known.shortNames(), known.categories()));
                    }
                });
        List<SearchType> out = new ArrayList<>(byGroupResource.values());
        out.addAll(extra);
        return List.copyOf(out);
    }

    private static SearchType of(ResourceType t) {
        return new SearchType(t.group(), t.version(), t.plural(), t.kind(), t.namespaced(), t.shortNames(),
                t.categories());
    }
}
