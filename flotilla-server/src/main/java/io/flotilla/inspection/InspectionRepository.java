package io.flotilla.inspection;

import io.flotilla.iam.Listable;
import io.flotilla.inspection.checks.Finding;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the inspection module: configurations, runs, findings, acknowledgements. Nobody else sees it. */
@Repository
class InspectionRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN_COLUMNS = "id, cluster, status, reason, trigger, requested_by, step, steps, step_name, "
            + "objects, checks_evaluated, findings, score, snapshot_ms, evaluation_ms, warnings, created_at, started_at, "
            + "finished_at, snapshot_source, indexed_kinds";

    /** A stored finding with its position in the run (for paging). */
    record StoredFinding(int seq, String checkId, String category, String severity, String kind, String namespace,
            String name, String message, String key) {}

    /** A configuration whose schedule is due. */
    record Due(String cluster, String schedule) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    InspectionRepository(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
    }

    Optional<InspectionConfig> config(String cluster) {
        return jdbc.sql("SELECT cluster, categories, checks, disabled, severities::text AS severities, schedule, retention, "
                        + "next_run_at, updated_at, updated_by FROM inspection_configs WHERE cluster = :cluster")
                .param("cluster", cluster)
                .query((rs, i) -> new InspectionConfig(rs.getString("cluster"), strings(rs.getArray("categories")),
                        strings(rs.getArray("checks")), strings(rs.getArray("disabled")),
                        JSON.readValue(rs.getString("severities"), new TypeReference<Map<String, String>>() {}),
                        rs.getString("schedule"), rs.getInt("retention"), instant(rs, "next_run_at"),
                        instant(rs, "updated_at"), rs.getString("updated_by")))
                .optional();
    }

    void saveConfig(InspectionConfig c) {
        jdbc.sql("""
                INSERT INTO inspection_configs (cluster, categories, checks, disabled, severities, schedule, retention,
                    next_run_at, updated_at, updated_by)
                VALUES (:cluster, :categories, :checks, :disabled, CAST(:severities AS jsonb), :schedule, :retention,
                    :nextRunAt, :updatedAt, :updatedBy)
                ON CONFLICT (cluster) DO UPDATE SET categories = EXCLUDED.categories, checks = EXCLUDED.checks,
                    disabled = EXCLUDED.disabled, severities = EXCLUDED.severities, schedule = EXCLUDED.schedule,
                    retention = EXCLUDED.retention, next_run_at = EXCLUDED.next_run_at, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .param("cluster", c.cluster())
                .param("categories", c.categories().toArray(String[]::new))
                .param("checks", c.checks().toArray(String[]::new))
                .param("disabled", c.disabledChecks().toArray(String[]::new))
                .param("severities", JSON.writeValueAsString(new LinkedHashMap<>(c.severityOverrides())))
                .param("schedule", c.schedule())
                .param("retention", c.retention())
                .param("nextRunAt", ts(c.nextRunAt()))
                .param("updatedAt", ts(c.updatedAt()))
                .param("updatedBy", c.updatedBy())
                .update();
    }

    /** Claims due schedules: pushes their next run out by {@code lease} so no other replica fires them too. */
    List<Due> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE inspection_configs SET next_run_at = :leaseUntil
                WHERE cluster IN (SELECT cluster FROM inspection_configs WHERE next_run_at <= :now ORDER BY next_run_at
                                  LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING cluster, schedule""")
                .param("now", ts(now))
                .param("leaseUntil", ts(now.plus(lease)))
                .param("limit", limit)
                .query((rs, i) -> new Due(rs.getString("cluster"), rs.getString("schedule")))
                .list();
    }

    void setNextRun(String cluster, String schedule, Instant next) {
        jdbc.sql("UPDATE inspection_configs SET next_run_at = :next WHERE cluster = :cluster AND schedule IS NOT DISTINCT FROM :schedule")
                .param("next", ts(next)).param("cluster", cluster).param("schedule", schedule).update();
    }

    /** Inserts a Pending run; throws DuplicateKeyException when the cluster already has an active run. */
    void insertRun(UUID id, String cluster, String trigger, String requestedBy, int steps, Instant now) {
        jdbc.sql("""
                INSERT INTO inspection_runs (id, cluster, status, trigger, requested_by, steps, step_name, created_at, heartbeat_at)
                VALUES (:id, :cluster, 'Pending', :trigger, :requestedBy, :steps, 'queued', :now, :now)""")
                .param("id", id).param("cluster", cluster).param("trigger", trigger).param("requestedBy", requestedBy)
                .param("steps", steps).param("now", ts(now))
                .update();
    }

    void start(UUID id, Instant now) {
        jdbc.sql("UPDATE inspection_runs SET status = 'Running', started_at = :now, heartbeat_at = :now WHERE id = :id")
                .param("id", id).param("now", ts(now)).update();
    }

    void progress(UUID id, int step, String name, Instant now) {
        jdbc.sql("UPDATE inspection_runs SET step = :step, step_name = :name, heartbeat_at = :now WHERE id = :id "
                        + "AND status = 'Running'")
                .param("id", id).param("step", step).param("name", name).param("now", ts(now)).update();
    }

    /** Stores the findings and marks the run Succeeded, in one transaction: a report is complete or absent. */
    void succeed(UUID id, Instant now, int objects, int checksEvaluated, List<Finding> findings, int score,
            long snapshotMs, long evaluationMs, List<String> warnings, String source, List<String> indexedKinds) {
        tx.executeWithoutResult(status -> {
            List<Object[]> rows = new ArrayList<>(findings.size());
            int seq = 0;
            for (Finding f : findings) {
                rows.add(new Object[] {id, seq++, f.checkId(), f.category().label(), f.severity().label(), f.object().kind(),
                        f.object().namespace(), f.object().name(), f.message(), f.key()});
            }
            template.batchUpdate("INSERT INTO inspection_findings (run_id, seq, check_id, category, severity, kind, "
                    + "namespace, name, message, finding_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.sql("""
                    UPDATE inspection_runs SET status = 'Succeeded', step = steps, step_name = 'done', finished_at = :now,
                        heartbeat_at = :now, objects = :objects, checks_evaluated = :checks, findings = :findings,
                        score = :score, snapshot_ms = :snapshotMs, evaluation_ms = :evaluationMs, warnings = :warnings,
                        snapshot_source = :source, indexed_kinds = :indexedKinds
                    WHERE id = :id""")
                    .param("id", id).param("now", ts(now)).param("objects", objects).param("checks", checksEvaluated)
                    .param("findings", findings.size()).param("score", score).param("snapshotMs", snapshotMs)
                    .param("evaluationMs", evaluationMs).param("warnings", warnings.toArray(String[]::new))
                    .param("source", source).param("indexedKinds", indexedKinds.toArray(String[]::new))
                    .update();
        });
    }

    void fail(UUID id, String reason, Instant now) {
        jdbc.sql("UPDATE inspection_runs SET status = 'Failed', reason = :reason, finished_at = :now, heartbeat_at = :now "
                        + "WHERE id = :id AND status IN ('Pending', 'Running')")
                .param("id", id).param("reason", reason).param("now", ts(now)).update();
    }

    /** Fails runs whose worker stopped sending heartbeats (server stopped mid-run). */
    int failStale(Instant heartbeatBefore, Instant now) {
        return jdbc.sql("UPDATE inspection_runs SET status = 'Failed', reason = :reason, finished_at = :now "
                        + "WHERE status IN ('Pending', 'Running') AND heartbeat_at < :before")
                .param("reason", "the server running this inspection stopped before it finished; start a new run")
                .param("before", ts(heartbeatBefore)).param("now", ts(now)).update();
    }

    Optional<InspectionRun> run(UUID id) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM inspection_runs WHERE id = :id").param("id", id)
                .query(this::mapRun).optional();
    }

    /** Runs of a cluster, newest first, created before {@code before} (null: from the newest). */
    List<InspectionRun> runs(String cluster, Instant before, UUID beforeId, int limit) {
        String where = before == null ? "" : " AND (created_at, id) < (:before, :beforeId)";
        var spec = jdbc.sql("SELECT " + RUN_COLUMNS + " FROM inspection_runs WHERE cluster = :cluster" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("cluster", cluster).param("limit", limit);
        if (before != null) {
            spec = spec.param("before", ts(before)).param("beforeId", beforeId);
        }
        return spec.query(this::mapRun).list();
    }

    Optional<InspectionRun> previousSucceeded(String cluster, Instant createdBefore) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM inspection_runs WHERE cluster = :cluster AND status = 'Succeeded' "
                        + "AND created_at < :before ORDER BY created_at DESC LIMIT 1")
                .param("cluster", cluster).param("before", ts(createdBefore)).query(this::mapRun).optional();
    }

    Optional<InspectionRun> latestSucceeded(String cluster) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM inspection_runs WHERE cluster = :cluster AND status = 'Succeeded' "
                        + "ORDER BY created_at DESC LIMIT 1")
                .param("cluster", cluster).query(this::mapRun).optional();
    }

    /** Clusters that have at least one succeeded run. */
    List<String> inspectedClusters() {
        return jdbc.sql("SELECT DISTINCT cluster FROM inspection_runs WHERE status = 'Succeeded' ORDER BY cluster")
                .query(String.class).list();
    }

    /**
     * The findings of a run the caller may see, filtered and paged by position.
     *
     * @param visible where the caller may read findings (on the run's cluster and the finding's namespace)
     */
    List<StoredFinding> findings(UUID runId, Listable visible, String severity, String category, String namespace,
            int afterSeq, int limit) {
        Listable.SqlFilter filter = visible.toSql("r.cluster", "f.namespace", "v");
        StringBuilder sql = new StringBuilder("SELECT f.seq, f.check_id, f.category, f.severity, f.kind, f.namespace, "
                + "f.name, f.message, f.finding_key FROM inspection_findings f JOIN inspection_runs r ON r.id = f.run_id "
                + "WHERE f.run_id = :run AND f.seq > :after AND " + filter.sql());
        Map<String, Object> params = new LinkedHashMap<>(filter.params());
        params.put("run", runId);
        params.put("after", afterSeq);
        if (severity != null) {
            sql.append(" AND f.severity = :severity");
            params.put("severity", severity);
        }
        if (category != null) {
            sql.append(" AND f.category = :category");
            params.put("category", category);
        }
        if (namespace != null) {
            sql.append(" AND f.namespace = :namespace");
            params.put("namespace", namespace);
        }
        sql.append(" ORDER BY f.seq LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new StoredFinding(rs.getInt("seq"), rs.getString("check_id"), rs.getString("category"),
                        rs.getString("severity"), rs.getString("kind"), rs.getString("namespace"), rs.getString("name"),
                        rs.getString("message"), rs.getString("finding_key")))
                .list();
    }

    /** Deletes the oldest finished runs of a cluster so at most {@code keep} remain; active runs stay. */
    int retain(String cluster, int keep) {
        return jdbc.sql("""
                DELETE FROM inspection_runs WHERE id IN (
                    SELECT id FROM inspection_runs WHERE cluster = :cluster AND status IN ('Succeeded', 'Failed')
                    ORDER BY created_at DESC OFFSET :keep)""")
                .param("cluster", cluster).param("keep", keep).update();
    }

    void upsertAck(Acknowledgement a) {
        jdbc.sql("""
                INSERT INTO inspection_acks (id, cluster, finding_key, check_id, kind, namespace, name, reason, expires_at,
                    created_by, created_at)
                VALUES (:id, :cluster, :key, :check, :kind, :namespace, :name, :reason, :expires, :by, :at)
                ON CONFLICT (cluster, finding_key) DO UPDATE SET reason = EXCLUDED.reason, expires_at = EXCLUDED.expires_at,
                    created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at, id = EXCLUDED.id""")
                .param("id", a.id()).param("cluster", a.cluster()).param("key", a.findingKey()).param("check", a.checkId())
                .param("kind", a.kind()).param("namespace", a.namespace()).param("name", a.name())
                .param("reason", a.reason()).param("expires", ts(a.expiresAt())).param("by", a.createdBy())
                .param("at", ts(a.createdAt()))
                .update();
    }

    List<Acknowledgement> acks(String cluster, Instant now) {
        return jdbc.sql("SELECT id, cluster, finding_key, check_id, kind, namespace, name, reason, expires_at, created_by, "
                        + "created_at FROM inspection_acks WHERE cluster = :cluster ORDER BY created_at DESC")
                .param("cluster", cluster)
                .query((rs, i) -> new Acknowledgement(rs.getObject("id", UUID.class), rs.getString("cluster"),
                        rs.getString("finding_key"), rs.getString("check_id"), rs.getString("kind"),
                        rs.getString("namespace"), rs.getString("name"), rs.getString("reason"),
                        instant(rs, "expires_at"), rs.getString("created_by"), instant(rs, "created_at"),
                        instant(rs, "expires_at").isAfter(now)))
                .list();
    }

    Optional<Acknowledgement> ack(UUID id, Instant now) {
        return jdbc.sql("SELECT cluster FROM inspection_acks WHERE id = :id").param("id", id).query(String.class).optional()
                .flatMap(cluster -> acks(cluster, now).stream().filter(a -> a.id().equals(id)).findFirst());
    }

    boolean deleteAck(UUID id) {
        return jdbc.sql("DELETE FROM inspection_acks WHERE id = :id").param("id", id).update() > 0;
    }

    private InspectionRun mapRun(ResultSet rs, int row) throws SQLException {
        return new InspectionRun(rs.getObject("id", UUID.class), rs.getString("cluster"), rs.getString("status"),
                rs.getString("reason"), rs.getString("trigger"), rs.getString("requested_by"),
                new InspectionRun.Progress(rs.getInt("step"), rs.getInt("steps"), rs.getString("step_name")),
                (Integer) rs.getObject("objects"), (Integer) rs.getObject("checks_evaluated"),
                (Integer) rs.getObject("findings"), (Integer) rs.getObject("score"), (Long) rs.getObject("snapshot_ms"),
                (Long) rs.getObject("evaluation_ms"), strings(rs.getArray("warnings")), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("snapshot_source"),
                strings(rs.getArray("indexed_kinds")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
