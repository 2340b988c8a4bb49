package io.flotilla.search;

import io.flotilla.iam.Actor;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.platform.FlotillaProperties;
import io.flotilla.platform.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The search module's public face: runs a {@link SearchQuery} over the index for the current caller,
 * filtered by what they may list, one keyset page at a time.
 */
@Service
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    private static final int GET_MATCHES = 100;

    private final SearchRepository repository;
    private final Authorization authz;
    private final SearchTypes types;
    private final SearchToken tokens;
    private final SearchProperties properties;
    private final Clock clock;

    SearchService(SearchRepository repository, Authorization authz, SearchTypes types, SearchProperties properties,
            FlotillaProperties platform, Clock clock) {
        this.repository = repository;
        this.authz = authz;
        this.types = types;
        this.properties = properties;
        this.clock = clock;
        this.tokens = new SearchToken(key(properties, platform.dataDir()), properties.continueTtl());
    }

    /**
     * One search result.
     *
     * @param jsonUtf8 the object (or its metadata) as JSON, UTF-8, for the OBJECT, STORED and METADATA
     *     projections: written to responses as it is (kept answers are not encoded again)
     * @param summary console fields, for the SUMMARY projection
     * @param key the row's sort key (text of each order term)
     */
    public record Row(String cluster, String group, String version, String resource, String kind, String namespace,
            String name, byte[] jsonUtf8, Summary summary, List<String> key) {

        /** The object as JSON text, or null for the SUMMARY projection. */
        public String json() {
            return jsonUtf8 == null ? null : new String(jsonUtf8, StandardCharsets.UTF_8);
        }
    }

    /** Console fields of a row; status is the phase (pods, namespaces, volumes) or node readiness. */
    public record Summary(String uid, String labelsJson, OffsetDateTime created, String resourceVersion,
            String status, String node, String ready) {}

    /**
     * A page of results.
     *
     * @param continueToken token of the next page, null on the last page (or when not asked for)
     * @param remainingItemCount results after this page, when asked for
     */
    public record Page(List<Row> rows, String continueToken, Long remainingItemCount) {}

    public SearchParams.Limits limits() {
        return new SearchParams.Limits(properties.defaultLimit(), properties.maxLimit());
    }

    public SearchTypes types() {
        return types;
    }

    public Page search(SearchQuery q, SearchSql.Projection projection) {
        return search(q, projection, false);
    }

    /**
     * One page of results.
     *
     * @param fresh read the index in any case, not an answer kept since the last write to the types
     *     (HTTP {@code Cache-Control: no-cache})
     */
    public Page search(SearchQuery q, SearchSql.Projection projection, boolean fresh) {
        Map<SearchType, Listable> access = access(q.types(), "list");
        List<SearchOrder> order = SearchSql.order(q);
        List<String> after = q.continueToken() == null || q.continueToken().isBlank() ? null
                : tokens.decode(q.continueToken(), q.shape(), order.size(), clock.instant());
        List<Row> rows = repository.rows(SearchSql.page(q, access, after, projection), projection, order.size(),
                fresh);
        boolean more = rows.size() > q.limit();
        if (more) {
            rows = rows.subList(0, q.limit());
        }
        String next = more && q.withContinue() ? tokens.encode(q.shape(), rows.getLast().key(), clock.instant())
                : null;
        Long remaining = null;
        if (q.withRemainingCount()) {
            remaining = more ? repository.count(SearchSql.count(q, access, rows.getLast().key()), fresh) : 0L;
        }
        return new Page(List.copyOf(rows), next, remaining);
    }

    /** Every object named {@code name} the query matches (one per cluster at most for one type), by cluster. */
    public List<Row> get(SearchQuery q, String name, SearchSql.Projection projection, boolean fresh) {
        SearchQuery one = q.withNames(new SearchQuery.Values(List.of(name), List.of())).withLimit(GET_MATCHES)
                .withOffset(0);
        Map<SearchType, Listable> access = access(one.types(), "get");
        return repository.rows(SearchSql.page(one, access, null, projection), projection,
                SearchSql.order(one).size(), fresh);
    }

    private Map<SearchType, Listable> access(List<SearchType> searched, String verb) {
        Actor actor = authz.current();
        Map<SearchType, Listable> access = new LinkedHashMap<>();
        for (SearchType t : searched) {
            access.put(t, authz.listable(actor, t.qualifiedName(), verb));
        }
        return access;
    }

    private static byte[] key(SearchProperties properties, Path dataDir) {
        if (!properties.continueKey().isBlank()) {
            return properties.continueKey().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("search-continue.key");
        if (!SecretFiles.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            SecretFiles.writeNew(file, Base64.getEncoder().encodeToString(random));
            log.info("generated the continue-token key {}", file);
        }
        return Base64.getDecoder().decode(SecretFiles.read(file));
    }
}
