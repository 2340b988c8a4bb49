package io.flotilla.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Repository;

/**
 * Runs the statements {@link SearchSql} builds; the only code that reads {@code search_resources} for search.
 *
 * <p>Statements are planned with their values (no cached generic plan): with the type bound as a
 * parameter a generic plan cannot see that one type's rows are few and ANDs a bitmap over all pods to
 * every label or fuzzy-name search (30 ms instead of 1.5 ms on 100,000 pods). Only statements whose plan
 * does not depend on the values ({@link SearchSql.Statement#reusablePlan()}, owner chains) are prepared
 * on the server, where PostgreSQL keeps a generic plan once it costs no more than planning each time.
 */
@Repository
class SearchRepository {

    private final JdbcTemplate jdbc;
    private final SearchCache cache;

    SearchRepository(JdbcTemplate jdbc, SearchCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /**
     * The statement's rows, from the {@link SearchCache} when an answer read since the last write to its
     * types is there.
     *
     * @param fresh read the database in any case
     */
    List<SearchService.Row> rows(SearchSql.Statement statement, SearchSql.Projection projection, int keys,
            boolean fresh) {
        return cache.get(statement.sql(), statement.params(), statement.reads(), fresh,
                () -> List.copyOf(jdbc.query(creator(statement),
                        (RowMapper<SearchService.Row>) (rs, i) -> row(rs, projection, keys))),
                SearchRepository::weight);
    }

    long count(SearchSql.Statement statement, boolean fresh) {
        return cache.get(statement.sql(), statement.params(), statement.reads(), fresh,
                () -> jdbc.query(creator(statement), (rs, i) -> rs.getLong(1)).getFirst(), n -> 16);
    }

    /** Approximate heap of rows (compact strings: about a byte per character of JSON). */
    private static long weight(List<SearchService.Row> rows) {
        long bytes = 0;
        for (SearchService.Row r : rows) {
            bytes += 256 + (r.jsonUtf8() == null ? 0 : r.jsonUtf8().length);
            if (r.summary() != null) {
                bytes += 256 + (r.summary().labelsJson() == null ? 0 : r.summary().labelsJson().length());
            }
        }
        return bytes;
    }

    /** A statement with positional parameters, planned with its values unless its plan is reusable. */
    private static PreparedStatementCreator creator(SearchSql.Statement statement) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
        MapSqlParameterSource source = new MapSqlParameterSource(statement.params());
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
        Object[] args = NamedParameterUtils.buildValueArray(parsed, source, null);
        return con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            if (ps.isWrapperFor(PGStatement.class)) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(statement.reusablePlan() ? 1 : 0);
            }
            new ArgumentPreparedStatementSetter(args).setValues(ps);
            return ps;
        };
    }

    private static SearchService.Row row(ResultSet rs, SearchSql.Projection projection, int keys) throws SQLException {
        byte[] json = null;
        SearchService.Summary summary = null;
        String cluster = rs.getString(1);
        String group = rs.getString(2);
        String version = rs.getString(3);
        String kind = rs.getString(5);
        int next;
        if (projection == SearchSql.Projection.SUMMARY) {
            summary = new SearchService.Summary(rs.getString(8), rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12), rs.getString(13),
                    rs.getString(14));
            next = 15;
        } else {
            String apiVersion = group.isEmpty() ? version : group + "/" + version;
            // the text column's bytes as PostgreSQL sent them (UTF-8): rendered without decoding
            json = switch (projection) {
                case OBJECT -> SearchJson.object(rs.getBytes(8), apiVersion, kind, cluster);
                case STORED -> SearchJson.object(rs.getBytes(8), apiVersion, kind, null);
                default -> SearchJson.metadataOnly(rs.getBytes(8), apiVersion, kind, cluster);
            };
            next = 9;
        }
        List<String> key = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            key.add(rs.getString(next + k));
        }
        return new SearchService.Row(cluster, group, version, rs.getString(4), kind, rs.getString(6),
                rs.getString(7), json, summary, key);
    }
}
