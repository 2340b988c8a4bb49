package io.flotilla.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * SQL that writes the index ({@code search_resources}) and the per-type sync state
 * ({@code search_sync_types}). Each call is one transaction. Rows are written with one multi-row statement
 * per batch (arrays unnested by PostgreSQL); an upsert or delete carrying an older resourceVersion than the
 * row never changes the row's content.
 */
@Component
class IndexWriter {

    /** The row's resourceVersion is not newer than the incoming one (numbers compared by length, then digits). */
    private static final String NOT_NEWER = "(length(s.resource_version), s.resource_version) "
            + "<= (length(EXCLUDED.resource_version), EXCLUDED.resource_version)";

    private static final String UPSERT = """
            INSERT INTO search_resources AS s (cluster, api_group, version, resource, kind, namespace, name, uid,
                owner_uid, labels, resource_version, created_at, object, synced_at)
            SELECT u.cluster, u.api_group, u.version, u.resource, u.kind, u.namespace, u.name, u.uid, u.owner_uid,
                u.labels::jsonb, u.rv, u.created_at::timestamptz, u.object::jsonb, now()
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS u(cluster, api_group, version, resource, kind, namespace, name, uid, owner_uid, labels, rv,
                     created_at, object)
            ON CONFLICT (cluster, api_group, resource, namespace, name) DO UPDATE SET
                version = CASE WHEN %1$s THEN EXCLUDED.version ELSE s.version END,
                kind = CASE WHEN %1$s THEN EXCLUDED.kind ELSE s.kind END,
                uid = CASE WHEN %1$s THEN EXCLUDED.uid ELSE s.uid END,
                owner_uid = CASE WHEN %1$s THEN EXCLUDED.owner_uid ELSE s.owner_uid END,
                labels = CASE WHEN %1$s THEN EXCLUDED.labels ELSE s.labels END,
                created_at = CASE WHEN %1$s THEN EXCLUDED.created_at ELSE s.created_at END,
                object = CASE WHEN %1$s THEN EXCLUDED.object ELSE s.object END,
                resource_version = CASE WHEN %1$s THEN EXCLUDED.resource_version ELSE s.resource_version END,
                synced_at = EXCLUDED.synced_at
            RETURNING s.cluster, s.api_group, s.resource, (xmax = 0) AS inserted
            """.formatted(NOT_NEWER);

    private static final String DELETE = """
            DELETE FROM search_resources s
            USING unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS d(cluster, api_group, resource, namespace, name, rv)
            WHERE s.cluster = d.cluster AND s.api_group = d.api_group AND s.resource = d.resource
              AND s.namespace = d.namespace AND s.name = d.name
              AND (length(s.resource_version), s.resource_version) <= (length(d.rv), d.rv)
            RETURNING s.cluster, s.api_group, s.resource
            """;

    private static final String TYPES = """
            UPDATE search_sync_types t SET object_count = t.object_count + u.delta,
                resource_version = COALESCE(u.rv, t.resource_version),
                last_event_at = COALESCE(u.last_event::timestamptz, t.last_event_at), updated_at = now()
            FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])
                AS u(cluster, api_group, resource, delta, rv, last_event)
            WHERE t.cluster = u.cluster AND t.api_group = u.api_group AND t.resource = u.resource
            RETURNING t.cluster, t.api_group, t.resource, t.object_count
            """;

    private final DataSource dataSource;
    private final SearchCache cache;

    IndexWriter(DataSource dataSource, SearchCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /**
     * What a batch does to one type.
     *
     * @param resourceVersion watch progress to persist, or null
     * @param lastEvent time of the last change (RFC 3339), or null
     */
    record TypeProgress(SyncTypeState state, String resourceVersion, String lastEvent) {}

    /** Writes upserts and deletes (distinct keys) and the types' progress; returns the new row count per type. */
    Map<String, Long> write(List<SyncCommand.Upsert> upserts, List<SyncCommand.Delete> deletes,
            List<TypeProgress> progress) throws SQLException {
        Map<String, Long> deltas = new HashMap<>();
        Set<String> types = new TreeSet<>();
        upserts.forEach(u -> types.add(u.state().type.group() + "/" + u.state().type.resource()));
        deletes.forEach(d -> types.add(d.state().type.group() + "/" + d.state().type.resource()));
        try (Connection c = dataSource.getConnection(); SearchCache.Writing w = cache.writing(types)) {
            c.setAutoCommit(false);
            try {
                asynchronousCommit(c);
                if (!upserts.isEmpty()) {
                    upsert(c, upserts, deltas);
                }
                if (!deletes.isEmpty()) {
                    delete(c, deletes, deltas);
                }
                if (!types.isEmpty()) {
                    SearchChangeFeed.notify(c, types);
                }
                Map<String, Long> counts = progress(c, progress, deltas);
                c.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void upsert(Connection c, List<SyncCommand.Upsert> rows, Map<String, Long> deltas)
            throws SQLException {
        int n = rows.size();
        String[][] cols = new String[13][n];
        for (int i = 0; i < n; i++) {
            SyncCommand.Upsert u = rows.get(i);
            IndexType t = u.state().type;
            IndexDocument d = u.document();
            cols[0][i] = u.state().cluster;
            cols[1][i] = t.group();
            cols[2][i] = t.version();
            cols[3][i] = t.resource();
            cols[4][i] = t.kind();
            cols[5][i] = d.namespace();
            cols[6][i] = d.name();
            cols[7][i] = d.uid();
            cols[8][i] = d.ownerUid();
            cols[9][i] = d.labels();
            cols[10][i] = d.resourceVersion();
            cols[11][i] = d.createdAt();
            cols[12][i] = d.object();
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bind(c, ps, cols);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(4)) {
                        deltas.merge(key(rs.getString(1), rs.getString(2), rs.getString(3)), 1L, Long::sum);
                    }
                }
            }
        }
    }

    private static void delete(Connection c, List<SyncCommand.Delete> rows, Map<String, Long> deltas)
            throws SQLException {
        int n = rows.size();
        String[][] cols = new String[6][n];
        for (int i = 0; i < n; i++) {
            SyncCommand.Delete d = rows.get(i);
            cols[0][i] = d.state().cluster;
            cols[1][i] = d.state().type.group();
            cols[2][i] = d.state().type.resource();
            cols[3][i] = d.namespace();
            cols[4][i] = d.name();
            cols[5][i] = d.resourceVersion();
        }
        try (PreparedStatement ps = c.prepareStatement(DELETE)) {
            bind(c, ps, cols);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    deltas.merge(key(rs.getString(1), rs.getString(2), rs.getString(3)), -1L, Long::sum);
                }
            }
        }
    }

    private static Map<String, Long> progress(Connection c, List<TypeProgress> progress, Map<String, Long> deltas)
            throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        if (progress.isEmpty()) {
            return counts;
        }
        int n = progress.size();
        String[][] text = new String[5][n];
        Long[] delta = new Long[n];
        for (int i = 0; i < n; i++) {
            TypeProgress p = progress.get(i);
            text[0][i] = p.state().cluster;
            text[1][i] = p.state().type.group();
            text[2][i] = p.state().type.resource();
            text[3][i] = p.resourceVersion();
            text[4][i] = p.lastEvent();
            delta[i] = deltas.getOrDefault(key(text[0][i], text[1][i], text[2][i]), 0L);
        }
        try (PreparedStatement ps = c.prepareStatement(TYPES)) {
            ps.setArray(1, c.createArrayOf("text", text[0]));
            ps.setArray(2, c.createArrayOf("text", text[1]));
            ps.setArray(3, c.createArrayOf("text", text[2]));
            ps.setArray(4, c.createArrayOf("bigint", delta));
            ps.setArray(5, c.createArrayOf("text", text[3]));
            ps.setArray(6, c.createArrayOf("text", text[4]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }
            }
        }
        return counts;
    }

    /**
     * The index does not wait for the WAL flush of each batch: a crash can lose the last few hundred
     * milliseconds of batches, but never half of one, and the resume resourceVersion is in the same
     * transaction as its rows, so a restart replays exactly what was lost from the cluster's watch.
     */
    private static void asynchronousCommit(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET LOCAL synchronous_commit TO OFF")) {
            ps.execute();
        }
    }

    /** Starts a LIST: marks the type not listed and returns the database time rows must be written after. */
    Timestamp listStarted(SyncTypeState s) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE search_sync_types SET listed = false, list_started_at = clock_timestamp(),
                            updated_at = now()
                        WHERE cluster = ? AND api_group = ? AND resource = ? RETURNING list_started_at""")) {
            typeKey(ps, s, 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getTimestamp(1);
                }
            }
            try (PreparedStatement now = c.prepareStatement("SELECT clock_timestamp()");
                    ResultSet rs = now.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1); // the type's row is gone (cluster purged): nothing to mark
            }
        }
    }

    /** Ends a LIST: removes rows the LIST did not see, marks the type listed at {@code rv}; returns the count. */
    long listDone(SyncTypeState s, Timestamp startedAt, String rv) throws SQLException {
        List<String> types = List.of(s.type.group() + "/" + s.type.resource());
        try (Connection c = dataSource.getConnection(); SearchCache.Writing w = cache.writing(types)) {
            c.setAutoCommit(false);
            try {
                SearchChangeFeed.notify(c, types);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_resources WHERE cluster = ? "
                        + "AND api_group = ? AND resource = ? AND synced_at < ?")) {
                    typeKey(ps, s, 1);
                    ps.setTimestamp(4, startedAt);
                    ps.executeUpdate();
                }
                long count;
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE search_sync_types SET listed = true, resource_version = ?, version = ?, kind = ?,
                            listed_at = now(), updated_at = now(),
                            object_count = (SELECT count(*) FROM search_resources r WHERE r.cluster = ?
                                            AND r.api_group = ? AND r.resource = ?)
                        WHERE cluster = ? AND api_group = ? AND resource = ? RETURNING object_count""")) {
                    ps.setString(1, rv);
                    ps.setString(2, s.type.version());
                    ps.setString(3, s.type.kind());
                    typeKey(ps, s, 4);
                    typeKey(ps, s, 7);
                    try (ResultSet rs = ps.executeQuery()) {
                        count = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                c.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    void dropType(String cluster, String group, String resource) throws SQLException {
        List<String> types = List.of(group + "/" + resource);
        try (Connection c = dataSource.getConnection(); SearchCache.Writing w = cache.writing(types)) {
            c.setAutoCommit(false);
            SearchChangeFeed.notify(c, types);
            for (String table : List.of("search_resources", "search_sync_types")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table
                        + " WHERE cluster = ? AND api_group = ? AND resource = ?")) {
                    ps.setString(1, cluster);
                    ps.setString(2, group);
                    ps.setString(3, resource);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    void purgeCluster(String cluster) throws SQLException {
        List<String> types = List.of(SearchCache.EVERY_TYPE);
        try (Connection c = dataSource.getConnection(); SearchCache.Writing w = cache.writing(types)) {
            c.setAutoCommit(false);
            SearchChangeFeed.notify(c, types);
            for (String table : List.of("search_resources", "search_sync_types")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE cluster = ?")) {
                    ps.setString(1, cluster);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, String[][] cols) throws SQLException {
        for (int i = 0; i < cols.length; i++) {
            Array array = c.createArrayOf("text", cols[i]);
            ps.setArray(i + 1, array);
        }
    }

    private static void typeKey(PreparedStatement ps, SyncTypeState s, int from) throws SQLException {
        ps.setString(from, s.cluster);
        ps.setString(from + 1, s.type.group());
        ps.setString(from + 2, s.type.resource());
    }

    static String key(String cluster, String group, String resource) {
        return cluster + "\u0000" + group + "\u0000" + resource;
    }
}
