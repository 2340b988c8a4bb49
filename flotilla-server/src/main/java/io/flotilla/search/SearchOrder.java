package io.flotilla.search;

import java.util.Locale;

/**
 * One ordering term: a column of the index and a direction.
 *
 * @param column what to order by
 * @param desc true for descending
 */
public record SearchOrder(Column column, boolean desc) {

    /**
     * Columns results can be ordered by. The first five are the ones users may name; the others
     * complete the primary key so that every order is total (keyset paging needs that).
     *
     * @param sql the SQL expression (an index exists for each)
     * @param type the SQL type its continue-token value is cast back to
     */
    public enum Column {
        CLUSTER("cluster", "cluster", "text"),
        NAMESPACE("namespace", "namespace", "text"),
        NAME("name", "name", "text"),
        CREATED_AT("created_at", "coalesce(created_at, '1970-01-01 00:00:00+00'::timestamptz)", "timestamptz"),
        RESOURCE_VERSION("resource_version", "resource_version", "text"),
        GROUP(null, "api_group", "text"),
        RESOURCE(null, "resource", "text");

        private final String userName;
        private final String sql;
        private final String type;

        Column(String userName, String sql, String type) {
            this.userName = userName;
            this.sql = sql;
            this.type = type;
        }

        public String sql() {
            return sql;
        }

        public String type() {
            return type;
        }

        /** The column users name in {@code orderby}; null for the internal tie-breakers. */
        public String userName() {
            return userName;
        }

        /** The column named {@code name} in {@code orderby}, or null. */
        public static Column named(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if ("creationtimestamp".equals(n) || "created".equals(n)) {
                n = "created_at";
            }
            if ("resourceversion".equals(n)) {
                n = "resource_version";
            }
            for (Column c : values()) {
                if (n.equals(c.userName)) {
                    return c;
                }
            }
            return null;
        }
    }

    @Override
    public String toString() {
        return column.name() + (desc ? " desc" : "");
    }
}
