package io.flotilla.search;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.LabelSelector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses Clusterpedia's search parameters, given as URL queries ({@code clusters=a,b&orderby=name desc})
 * or as {@code search.clusterpedia.io/*} keys inside the label selector
 * ({@code -l "search.clusterpedia.io/clusters in (a,b)"}), into a {@link SearchQuery}. Pure: every
 * invalid value answers a 400 naming the parameter.
 */
public final class SearchParams {

    static final String SEARCH_PREFIX = "search.clusterpedia.io/";
    static final String INTERNAL_PREFIX = "internalstorage.clusterpedia.io/";
    private static final int MAX_VALUES = 500;
    private static final int MAX_SENIORITY = 5;
    /** Largest {@code offset}: PostgreSQL reads and drops every skipped row, so deep pages use continue. */
    static final int MAX_OFFSET = 10_000;
    private static final Pattern MAX_AGE_ZERO =
            Pattern.compile("(^|[,\\s])max-age\\s*=\\s*0+\\s*($|,)");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Page size rules.
     *
     * @param defaultLimit page size when none is given (or 0, as kubectl's --chunk-size=0 sends)
     * @param maxLimit largest page size accepted; larger answers 400
     */
    public record Limits(int defaultLimit, int maxLimit) {}

    private SearchParams() {}

    /** One operator clause of a search label: values kept ({@code =}, {@code in}) or dropped. */
    private record Clause(String key, boolean negated, List<String> values) {}

    /** Parses the request's query parameters (name → all values given). */
    public static SearchQuery parse(Map<String, List<String>> params, Limits limits) {
        Builder b = new Builder();
        String selector = first(params, "labelSelector");
        List<String> plain = new ArrayList<>();
        if (selector != null && !selector.isBlank()) {
            for (String raw : split(selector, "labelSelector")) {
                String clause = raw.strip();
                String key = clause.startsWith("!") ? clause.substring(1).strip() : keyOf(clause);
                if (key.startsWith(SEARCH_PREFIX) || key.startsWith(INTERNAL_PREFIX)) {
                    b.label(searchClause(clause, key));
                } else {
                    plain.add(clause);
                }
            }
        }
        try {
            b.labels = LabelSelector.parse(String.join(",", plain));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("labelSelector", e.getMessage());
        }
        try {
            b.fields = SearchFieldSelector.parse(first(params, "fieldSelector"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("fieldSelector", e.getMessage());
        }
        b.clusters = b.clusters.and(list(params, "clusters"));
        b.namespaces = b.namespaces.and(list(params, "namespaces"));
        b.names = b.names.and(list(params, "names"));
        for (String v : all(params, "fuzzyName")) {
            b.fuzzy(v, "fuzzyName");
        }
        set(params, "since", v -> b.since = time(v, "since"));
        set(params, "before", v -> b.before = time(v, "before"));
        set(params, "ownerUID", v -> b.ownerUid = v);
        set(params, "ownerName", v -> b.ownerName = v);
        set(params, "ownerGR", v -> b.ownerGr = v);
        set(params, "ownerSeniority", v -> b.seniority = seniority(v, "ownerSeniority"));
        for (String v : all(params, "orderby")) {
            for (String term : v.split(",")) {
                b.order(term, "orderby");
            }
        }
        set(params, "limit", v -> b.limit = integer(v, "limit"));
        set(params, "withContinue", v -> b.withContinue = bool(v, "withContinue"));
        set(params, "withRemainingCount", v -> b.withRemainingCount = bool(v, "withRemainingCount"));
        set(params, "onlyMetadata", v -> b.onlyMetadata = bool(v, "onlyMetadata"));
        set(params, "offset", v -> b.offset(v, "offset"));
        b.continueToken = first(params, "continue");
        return b.build(limits);
    }

    private static Clause searchClause(String clause, String key) {
        String field = "labelSelector " + key;
        if (clause.startsWith("!")) {
            throw ApiException.badRequest(field, "search keys take a value: " + key + "=<value>");
        }
        String rest = clause.substring(clause.indexOf(key) + key.length()).strip();
        if (rest.startsWith("!=")) {
            return new Clause(key, true, List.of(rest.substring(2).strip()));
        }
        if (rest.startsWith("==")) {
            return new Clause(key, false, List.of(rest.substring(2).strip()));
        }
        if (rest.startsWith("=")) {
            return new Clause(key, false, List.of(rest.substring(1).strip()));
        }
        boolean notIn = rest.startsWith("notin");
        if (notIn || rest.startsWith("in")) {
            String t = rest.substring(notIn ? 5 : 2).strip();
            if (!t.startsWith("(") || !t.endsWith(")")) {
                throw ApiException.badRequest(field, "values must be in parentheses, e.g. in (a,b)");
            }
            List<String> values = new ArrayList<>();
            for (String v : t.substring(1, t.length() - 1).split(",")) {
                values.add(v.strip());
            }
            return new Clause(key, notIn, values);
        }
        throw ApiException.badRequest(field, "expected =, !=, in or notin after " + key);
    }

    /** The label key at the start of a clause (up to an operator or blank). */
    private static String keyOf(String clause) {
        int i = 0;
        while (i < clause.length()) {
            char c = clause.charAt(i);
            if (c == '=' || c == '!' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return clause.substring(0, i);
    }

    private static List<String> split(String selector, String field) {
        try {
            return SearchFieldSelector.split(selector, ',');
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, e.getMessage());
        }
    }

    private static SearchQuery.Values list(Map<String, List<String>> params, String name) {
        List<String> values = new ArrayList<>();
        for (String v : all(params, name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (values.isEmpty()) {
            return SearchQuery.Values.ANY;
        }
        check(values, name);
        return new SearchQuery.Values(values, List.of());
    }

    private static void check(List<String> values, String field) {
        if (values.size() > MAX_VALUES) {
            throw ApiException.badRequest(field, "at most " + MAX_VALUES + " values");
        }
        for (String v : values) {
            if (v.isEmpty() || v.length() > 253 || v.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(field, "'" + abbreviate(v) + "' is not a valid name");
            }
        }
    }

    static Instant time(String v, String field) {
        String s = v.strip();
        try {
            if (s.matches("\\d{10}")) {
                return Instant.ofEpochSecond(Long.parseLong(s));
            }
            if (s.matches("\\d{13}")) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
                return LocalDateTime.parse(s, DATE_TIME).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "'" + abbreviate(s) + "' is not a time: use RFC 3339 "
                    + "(2024-05-01T10:00:00Z), a date (2024-05-01), '2024-05-01 10:00:00' (UTC) or a Unix "
                    + "timestamp in seconds (10 digits) or milliseconds (13 digits)");
        }
    }

    private static int seniority(String v, String field) {
        int n = integer(v, field);
        if (n < 0 || n > MAX_SENIORITY) {
            throw ApiException.badRequest(field, "must be between 0 (parent) and " + MAX_SENIORITY);
        }
        return n;
    }

    private static int integer(String v, String field) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, "'" + abbreviate(v) + "' is not a whole number");
        }
    }

    private static boolean bool(String v, String field) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badRequest(field, "'" + abbreviate(v) + "' is not true or false");
        };
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static List<String> all(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of());
    }

    private static void set(Map<String, List<String>> params, String name, java.util.function.Consumer<String> to) {
        String v = first(params, name);
        if (v != null) {
            to.accept(v);
        }
    }

    /**
     * Whether the client asks for an answer read from the index now, not one kept by the search cache:
     * HTTP {@code Cache-Control: no-cache} (or {@code no-store}, {@code max-age=0}) or {@code Pragma: no-cache}.
     */
    static boolean fresh(String cacheControl, String pragma) {
        String cc = cacheControl == null ? "" : cacheControl.toLowerCase(Locale.ROOT);
        return cc.contains("no-cache") || cc.contains("no-store") || MAX_AGE_ZERO.matcher(cc).find()
                || (pragma != null && pragma.toLowerCase(Locale.ROOT).contains("no-cache"));
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Collects parameters from both sources, then validates them together. */
    private static final class Builder {
        SearchQuery.Values clusters = SearchQuery.Values.ANY;
        SearchQuery.Values namespaces = SearchQuery.Values.ANY;
        SearchQuery.Values names = SearchQuery.Values.ANY;
        List<String> fuzzy = new ArrayList<>();
        Instant since;
        Instant before;
        String ownerUid;
        String ownerName;
        String ownerGr;
        Integer seniority;
        LabelSelector labels = LabelSelector.everything();
        List<SearchFieldSelector.Requirement> fields = List.of();
        List<SearchOrder> order = new ArrayList<>();
        Integer limit;
        boolean withContinue = true;
        boolean withRemainingCount;
        boolean onlyMetadata;
        String continueToken;
        Integer offset;
        String offsetField;

        void offset(String v, String field) {
            offset = integer(v, field);
            offsetField = field;
        }

        void label(Clause c) {
            String key = c.key().startsWith(SEARCH_PREFIX) ? c.key().substring(SEARCH_PREFIX.length())
                    : c.key().substring(INTERNAL_PREFIX.length());
            String field = "labelSelector " + c.key();
            switch (key) {
                case "clusters" -> clusters = clusters.and(values(c, field));
                case "namespaces" -> namespaces = namespaces.and(values(c, field));
                case "names" -> names = names.and(values(c, field));
                case "fuzzy-name" -> c.values().forEach(v -> fuzzy(v, field));
                case "since" -> since = time(single(c, field), field);
                case "before" -> before = time(single(c, field), field);
                case "owner-uid" -> ownerUid = single(c, field);
                case "owner-name" -> ownerName = single(c, field);
                case "owner-gr" -> ownerGr = single(c, field);
                case "owner-seniority" -> seniority = seniority(single(c, field), field);
                case "orderby" -> c.values().forEach(v -> order(v, field));
                case "limit", "size" -> limit = integer(single(c, field), field);
                case "with-continue" -> withContinue = bool(single(c, field), field);
                case "with-remaining-count" -> withRemainingCount = bool(single(c, field), field);
                case "offset" -> offset(single(c, field), field);
                default -> throw ApiException.badRequest(field, "unknown search key; known: clusters, namespaces, "
                        + "names, fuzzy-name, since, before, owner-uid, owner-name, owner-gr, owner-seniority, "
                        + "orderby, limit, offset, with-continue, with-remaining-count");
            }
        }

        private static SearchQuery.Values values(Clause c, String field) {
            check(c.values(), field);
            return c.negated() ? new SearchQuery.Values(null, c.values()) : new SearchQuery.Values(c.values(),
                    List.of());
        }

        private static String single(Clause c, String field) {
            if (c.negated() || c.values().size() != 1 || c.values().getFirst().isEmpty()) {
                throw ApiException.badRequest(field, "takes exactly one value: key=value");
            }
            return c.values().getFirst();
        }

        void fuzzy(String v, String field) {
            String s = v.strip();
            if (s.isEmpty() || s.length() > 253 || s.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.badRequest(field, "must be a non-empty part of a name");
            }
            fuzzy.add(s);
        }

        void order(String term, String field) {
            String t = term.strip();
            if (t.isEmpty()) {
                return;
            }
            boolean desc = false;
            String name = t;
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.endsWith(" desc") || lower.endsWith("_desc")) {
                desc = true;
                name = t.substring(0, t.length() - 5).strip();
            } else if (lower.endsWith(" asc")) {
                name = t.substring(0, t.length() - 4).strip();
            }
            SearchOrder.Column column = SearchOrder.Column.named(name);
            if (column == null) {
                throw ApiException.badRequest(field, "cannot order by '" + abbreviate(name) + "': use name, "
                        + "namespace, cluster, created_at or resource_version, optionally followed by ' desc'");
            }
            if (order.stream().anyMatch(o -> o.column() == column)) {
                throw ApiException.badRequest(field, "'" + column.userName() + "' is given twice");
            }
            order.add(new SearchOrder(column, desc));
        }

        SearchQuery build(Limits limits) {
            int size = limit == null || limit == 0 ? limits.defaultLimit() : limit;
            if (size < 0 || size > limits.maxLimit()) {
                throw ApiException.badRequest("limit", "must be between 1 and " + limits.maxLimit()
                        + " (0 or none: " + limits.defaultLimit() + " per page); page through larger results with "
                        + "continue");
            }
            if (offset != null && (offset < 0 || offset > MAX_OFFSET)) {
                throw ApiException.badRequest(offsetField, "must be between 0 and " + MAX_OFFSET
                        + "; page further with the continue token of the previous page");
            }
            if (offset != null && offset > 0 && continueToken != null && !continueToken.isBlank()) {
                throw ApiException.badRequest(offsetField, "give offset or continue, not both: the continue token "
                        + "already says where the page starts");
            }
            if (since != null && before != null && !since.isBefore(before)) {
                throw ApiException.badRequest("since", "must be earlier than before");
            }
            for (String v : new String[] {ownerUid, ownerName}) {
                if (v != null) {
                    check(List.of(v), v == ownerUid ? "ownerUID" : "ownerName");
                }
            }
            SearchQuery.Owner owner = null;
            if (ownerUid != null || ownerName != null) {
                String group = null;
                String resource = null;
                if (ownerGr != null && ownerUid == null) {
                    String gr = ownerGr.strip();
                    if (!gr.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
                        throw ApiException.badRequest("ownerGR", "'" + abbreviate(gr)
                                + "' is not a group resource such as deployments.apps or pods");
                    }
                    int dot = gr.indexOf('.');
                    resource = dot < 0 ? gr : gr.substring(0, dot);
                    group = dot < 0 ? "" : gr.substring(dot + 1);
                }
                owner = new SearchQuery.Owner(ownerUid, ownerUid != null ? null : ownerName, group, resource,
                        seniority == null ? 0 : seniority);
            } else if (ownerGr != null || seniority != null) {
                throw ApiException.badRequest("ownerSeniority", "ownerGR and ownerSeniority need ownerUID or ownerName");
            }
            return new SearchQuery(List.of(), null, null, clusters, namespaces, names, fuzzy, since, before, owner,
                    labels, fields, order, size, withContinue, withRemainingCount, continueToken, onlyMetadata,
                    offset == null ? 0 : offset);
        }
    }
}
