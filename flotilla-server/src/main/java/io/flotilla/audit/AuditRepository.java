package io.flotilla.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL of the audit trail: chained appends, filtered pages, streaming reads, purge. */
@Repository
class AuditRepository {

    private static final String COLUMNS = "seq, id, at, actor, access_key_id, source_ip, user_agent, action, module, "
            + "cluster, namespace, kind, name, status, request_id, summary, prev_hash, hash";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    AuditRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            AuditProperties properties) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(properties.exportFetchSize());
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Appends one entry to the chain; the chain head row lock serialises appends across replicas. */
    AuditEntry append(AuditEvent e, Instant at) {
        return tx.execute(status -> {
            String prev = jdbc.sql("SELECT head_hash FROM audit_chain WHERE id = 1 FOR UPDATE").query(String.class)
                    .single();
            AuditEntry draft = new AuditEntry(0, UUID.randomUUID(), AuditChain.normalise(at), e.actor(),
                    e.accessKeyId(), e.sourceIp(), e.userAgent(), e.action(), e.target(), e.status(),
                    AuditEntry.resultOf(e.status()), e.requestId(), e.summary(), prev, null);
            String hash = AuditChain.hash(prev, draft);
            AuditTarget t = e.target();
            long seq = jdbc.sql("""
                    INSERT INTO audit_entries (id, at, actor, access_key_id, source_ip, user_agent, action, module,
                        cluster, namespace, kind, name, status, request_id, summary, prev_hash, hash)
                    VALUES (:id, :at, :actor, :key, :ip, :ua, :action, :module, :cluster, :ns, :kind, :name,
                        :status, :rid, :summary, :prev, :hash)
                    RETURNING seq
                    """)
                    .param("id", draft.id())
                    .param("at", Timestamp.from(draft.time()))
                    .param("actor", e.actor())
                    .param("key", e.accessKeyId())
                    .param("ip", e.sourceIp())
                    .param("ua", e.userAgent())
                    .param("action", e.action())
                    .param("module", t.module())
                    .param("cluster", t.cluster())
                    .param("ns", t.namespace())
                    .param("kind", t.kind())
                    .param("name", t.name())
                    .param("status", e.status())
                    .param("rid", e.requestId())
                    .param("summary", e.summary())
                    .param("prev", prev)
                    .param("hash", hash)
                    .query(Long.class).single();
            jdbc.sql("UPDATE audit_chain SET head_hash = :h WHERE id = 1").param("h", hash).update();
            return new AuditEntry(seq, draft.id(), draft.time(), draft.actor(), draft.accessKeyId(),
                    draft.sourceIp(), draft.userAgent(), draft.action(), t, draft.status(), draft.result(),
                    draft.requestId(), draft.summary(), prev, hash);
        });
    }

    /** A page, newest first, strictly older than {@code beforeSeq} when given. */
    List<AuditEntry> page(AuditQuery q, Long beforeSeq, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        if (beforeSeq != null) {
            where += " AND seq < :before";
            params.put("before", beforeSeq);
        }
        params.put("limit", limit + 1);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entries " + where + " ORDER BY seq DESC LIMIT :limit")
                .params(params).query((rs, i) -> map(rs)).list();
    }

    /** Streams every matching entry, newest first, a fetch-size batch at a time (never all in memory). */
    void stream(AuditQuery q, Consumer<AuditEntry> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "SELECT " + COLUMNS + " FROM audit_entries " + where(q, params) + " ORDER BY seq DESC";
        readOnly.executeWithoutResult(status -> streaming.query(sql, params, rs -> {
            sink.accept(map(rs));
        }));
    }

    /** The hash a verification must start from, and the current head. */
    record Chain(String anchorHash, long anchorSeq, String headHash) {}

    Chain chain() {
        return jdbc.sql("SELECT anchor_hash, anchor_seq, head_hash FROM audit_chain WHERE id = 1")
                .query((rs, i) -> new Chain(rs.getString(1), rs.getLong(2), rs.getString(3))).single();
    }

    /** Streams the whole chain oldest first. */
    void streamChain(Consumer<AuditEntry> sink) {
        String sql = "SELECT " + COLUMNS + " FROM audit_entries ORDER BY seq";
        readOnly.executeWithoutResult(status -> streaming.query(sql, Map.of(), rs -> {
            sink.accept(map(rs));
        }));
    }

    /**
     * Deletes up to {@code batch} entries older than {@code cutoff} (oldest first) and moves the
     * chain anchor to the newest deleted entry's hash, so the rest still verifies.
     *
     * @return how many were deleted
     */
    int purgeBatch(Instant cutoff, int batch) {
        Integer deleted = tx.execute(status -> {
            jdbc.sql("SELECT 1 FROM audit_chain WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            var last = jdbc.sql("""
                    SELECT seq, hash FROM (SELECT seq, hash FROM audit_entries WHERE at < :cutoff ORDER BY seq
                    LIMIT :batch) s ORDER BY seq DESC LIMIT 1
                    """)
                    .param("cutoff", Timestamp.from(cutoff)).param("batch", batch)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
            if (last.isEmpty()) {
                return 0;
            }
            int n = jdbc.sql("DELETE FROM audit_entries WHERE seq <= :seq").param("seq", last.get().getKey()).update();
            jdbc.sql("UPDATE audit_chain SET anchor_hash = :h, anchor_seq = :s WHERE id = 1")
                    .param("h", last.get().getValue()).param("s", last.get().getKey()).update();
            return n;
        });
        return deleted == null ? 0 : deleted;
    }

    private static String where(AuditQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder("WHERE true");
        if (q.from() != null) {
            w.append(" AND at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            w.append(" AND at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        eq(w, params, "actor", q.actor());
        if (q.action() != null) {
            if (q.action().endsWith(".")) {
                w.append(" AND action LIKE :action");
                params.put("action", escapeLike(q.action()) + "%");
            } else {
                eq(w, params, "action", q.action());
            }
        }
        eq(w, params, "kind", q.kind());
        eq(w, params, "cluster", q.cluster());
        eq(w, params, "namespace", q.namespace());
        if (q.name() != null) {
            if (q.fuzzy()) {
                w.append(" AND name ILIKE :name");
                params.put("name", "%" + escapeLike(q.name()) + "%");
            } else {
                eq(w, params, "name", q.name());
            }
        }
        if ("success".equals(q.result())) {
            w.append(" AND status < 400");
        } else if ("failure".equals(q.result())) {
            w.append(" AND status >= 400");
        }
        if (q.status() != null) {
            w.append(" AND status = :status");
            params.put("status", q.status());
        }
        return w.toString();
    }

    private static void eq(StringBuilder w, Map<String, Object> params, String column, String value) {
        if (value != null) {
            w.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        int status = rs.getInt("status");
        return new AuditEntry(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("access_key_id"), rs.getString("source_ip"), rs.getString("user_agent"),
                rs.getString("action"), new AuditTarget(rs.getString("module"), rs.getString("cluster"),
                        rs.getString("namespace"), rs.getString("kind"), rs.getString("name")),
                status, AuditEntry.resultOf(status), rs.getString("request_id"), rs.getString("summary"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
