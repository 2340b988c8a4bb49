package io.flotilla.search;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the sync engine's own tables: leases, status, per-type resume points. */
@Repository
class SyncRepository {

    private final JdbcClient jdbc;

    SyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A type's saved state, to resume after a restart. */
    record SavedType(String group, String resource, String version, String resourceVersion, boolean listed,
            long objects) {}

    /** A type's status row. */
    record TypeRow(String cluster, String group, String resource, String version, String kind, boolean listed,
            long listedSoFar, long objects, String resourceVersion, Instant lastEventAt, Long lagMillis,
            String error) {}

    /** A cluster's status row. */
    record ClusterRow(String cluster, String holder, Instant leaseUntil, String phase, String message,
            Instant phaseSince, int typesTotal, int typesListed, Instant statusAt) {}

    void ensureClusters(Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO search_sync_clusters (cluster) SELECT unnest(CAST(:names AS text[])) "
                + "ON CONFLICT DO NOTHING").param("names", names.toArray(String[]::new)).update();
    }

    /** Extends this replica's leases; returns the clusters it still holds. */
    Set<String> renew(String holder, Duration lease) {
        return new HashSet<>(jdbc.sql("UPDATE search_sync_clusters SET lease_until = now() + CAST(:lease AS interval) "
                        + "WHERE holder = :holder AND lease_until > now() RETURNING cluster")
                .param("lease", lease.toMillis() + " milliseconds").param("holder", holder)
                .query(String.class).list());
    }

    /** Claims up to {@code limit} registered clusters nobody holds (or whose lease ran out). */
    List<String> claim(String holder, Collection<String> registered, Duration lease, int limit) {
        if (limit <= 0 || registered.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE search_sync_clusters SET holder = :holder, lease_until = now() + CAST(:lease AS interval)
                WHERE cluster IN (SELECT cluster FROM search_sync_clusters
                                  WHERE cluster = ANY(:names) AND (holder IS NULL OR lease_until IS NULL
                                        OR lease_until < now())
                                  ORDER BY cluster LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING cluster""")
                .param("holder", holder).param("lease", lease.toMillis() + " milliseconds")
                .param("names", registered.toArray(String[]::new)).param("limit", limit)
                .query(String.class).list();
    }

    void release(String holder, Collection<String> clusters) {
        if (clusters.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE search_sync_clusters SET holder = NULL, lease_until = NULL "
                        + "WHERE holder = :holder AND cluster = ANY(:names)")
                .param("holder", holder).param("names", clusters.toArray(String[]::new)).update();
    }

    /**
     * Forgets clusters that left the registry (unless another live replica still holds them) and returns
     * them; their rows are then purged.
     */
    List<String> removeUnregistered(String holder, Collection<String> registered) {
        return jdbc.sql("""
                DELETE FROM search_sync_clusters WHERE NOT (cluster = ANY(:names))
                  AND (holder IS NULL OR holder = :holder OR lease_until IS NULL OR lease_until < now())
                RETURNING cluster""")
                .param("names", registered.toArray(String[]::new)).param("holder", holder)
                .query(String.class).list();
    }

    List<SavedType> savedTypes(String cluster) {
        return jdbc.sql("SELECT api_group, resource, version, resource_version, listed, object_count "
                        + "FROM search_sync_types WHERE cluster = :cluster")
                .param("cluster", cluster)
                .query((rs, i) -> new SavedType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getLong(6)))
                .list();
    }

    /** Creates or updates a type's row; a changed version means the type must be listed again. */
    void ensureType(String cluster, IndexType type) {
        jdbc.sql("""
                INSERT INTO search_sync_types AS t (cluster, api_group, resource, version, kind)
                VALUES (:cluster, :group, :resource, :version, :kind)
                ON CONFLICT (cluster, api_group, resource) DO UPDATE SET kind = EXCLUDED.kind,
                    version = EXCLUDED.version, updated_at = now(),
                    listed = t.listed AND t.version = EXCLUDED.version""")
                .param("cluster", cluster).param("group", type.group()).param("resource", type.resource())
                .param("version", type.version()).param("kind", type.kind())
                .update();
    }

    /** Saves what a worker reports (phase, progress, errors); counts and resume points are the writer's. */
    void saveStatus(SyncWorker.Snapshot s) {
        jdbc.sql("""
                UPDATE search_sync_clusters SET phase = :phase, message = :message, phase_since = :since,
                    types_total = :total, types_listed = :listed, status_at = now()
                WHERE cluster = :cluster""")
                .param("phase", s.phase()).param("message", s.message()).param("since", Timestamp.from(s.since()))
                .param("total", s.types().size())
                .param("listed", (int) s.types().stream().filter(t -> t.listed).count())
                .param("cluster", s.cluster())
                .update();
        if (s.types().isEmpty()) {
            return;
        }
        int n = s.types().size();
        String[] groups = new String[n];
        String[] resources = new String[n];
        Long[] soFar = new Long[n];
        Long[] lag = new Long[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            SyncTypeState t = s.types().get(i);
            groups[i] = t.type.group();
            resources[i] = t.type.resource();
            soFar[i] = t.listedSoFar.get();
            lag[i] = t.lastEventAt == null ? null : t.lagMillis;
            errors[i] = t.error;
        }
        jdbc.sql("""
                UPDATE search_sync_types t SET listed_so_far = u.so_far, lag_ms = u.lag, last_error = u.error
                FROM unnest(CAST(:groups AS text[]), CAST(:resources AS text[]), CAST(:soFar AS bigint[]),
                            CAST(:lag AS bigint[]), CAST(:errors AS text[])) AS u(api_group, resource, so_far, lag, error)
                WHERE t.cluster = :cluster AND t.api_group = u.api_group AND t.resource = u.resource""")
                .param("groups", groups).param("resources", resources).param("soFar", soFar).param("lag", lag)
                .param("errors", errors).param("cluster", s.cluster())
                .update();
    }

    List<ClusterRow> clusters(Collection<String> names) {
        return jdbc.sql("SELECT cluster, holder, lease_until, phase, message, phase_since, types_total, "
                        + "types_listed, status_at FROM search_sync_clusters WHERE cluster = ANY(:names)")
                .param("names", names.toArray(String[]::new))
                .query((rs, i) -> new ClusterRow(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), rs.getInt(7), rs.getInt(8),
                        instant(rs.getTimestamp(9))))
                .list();
    }

    List<TypeRow> types(Collection<String> names) {
        return jdbc.sql("SELECT cluster, api_group, resource, version, kind, listed, listed_so_far, object_count, "
                        + "resource_version, last_event_at, lag_ms, last_error FROM search_sync_types "
                        + "WHERE cluster = ANY(:names) ORDER BY cluster, api_group, resource")
                .param("names", names.toArray(String[]::new))
                .query((rs, i) -> new TypeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                        instant(rs.getTimestamp(10)), (Long) rs.getObject(11), rs.getString(12)))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
