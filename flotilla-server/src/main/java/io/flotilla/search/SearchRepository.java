package io.flotilla.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs the statements {@link SearchSql} builds; the only code that reads {@code search_resources} for search. */
@Repository
class SearchRepository {

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SearchService.Row> rows(SearchSql.Statement statement, SearchSql.Projection projection, int keys) {
        return jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, i) -> row(rs, projection, keys)).list();
    }

    long count(SearchSql.Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }

    private static SearchService.Row row(ResultSet rs, SearchSql.Projection projection, int keys) throws SQLException {
        String json = null;
        SearchService.Summary summary = null;
        int next;
        if (projection == SearchSql.Projection.SUMMARY) {
            summary = new SearchService.Summary(rs.getString(8), rs.getString(9),
                    rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12), rs.getString(13),
                    rs.getString(14));
            next = 15;
        } else {
            json = rs.getString(8);
            next = 9;
        }
        List<String> key = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            key.add(rs.getString(next + k));
        }
        return new SearchService.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), json, summary, key);
    }
}
