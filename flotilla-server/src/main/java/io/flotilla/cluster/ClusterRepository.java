package io.flotilla.cluster;

import io.flotilla.platform.LabelSelector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the clusters table. Only this module touches it. */
@Repository
class ClusterRepository {

    private static final String COLUMNS = "id, name, display_name, description, labels::text AS labels, server_url, "
            + "credential_type, credentials, simulated, phase, conditions::text AS conditions, kubernetes_version, "
            + "platform, nodes_ready, nodes_total, last_probe_at, last_error, consecutive_failures, created_at, "
            + "updated_at, generation";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ClusterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClusterRow> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clusters WHERE name = :name")
                .param("name", name)
                .query(this::map)
                .optional();
    }

    Optional<ClusterRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clusters WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    long countByPhase(String phase) {
        return jdbc.sql("SELECT count(*) FROM clusters WHERE phase = :phase").param("phase", phase)
                .query(Long.class).single();
    }

    boolean existsByName(String name) {
        return jdbc.sql("SELECT count(*) FROM clusters WHERE name = :name").param("name", name)
                .query(Long.class).single() > 0;
    }

    /** Clusters ordered by name after {@code afterName}, matching the selector and phase; at most limit+1 rows. */
    List<ClusterRow> list(LabelSelector selector, String phase, String afterName, int limit) {
        return list(selector, phase, afterName, limit, null);
    }

    /** As above, restricted to {@code onlyNames} when not null (what the caller may see). */
    List<ClusterRow> list(LabelSelector selector, String phase, String afterName, int limit, Set<String> onlyNames) {
        StringBuilder where = new StringBuilder("WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (onlyNames != null) {
            where.append(" AND name = ANY(:only)");
            params.put("only", onlyNames.toArray(new String[0]));
        }
        if (afterName != null) {
            where.append(" AND name > :after");
            params.put("after", afterName);
        }
        if (phase != null) {
            where.append(" AND phase = :phase");
            params.put("phase", phase);
        }
        int i = 0;
        for (LabelSelector.Requirement r : selector.requirements()) {
            String k = "k" + i;
            String v = "v" + i;
            i++;
            params.put(k, r.key());
            switch (r.operator()) {
                case EQUALS, IN -> {
                    where.append(" AND labels->>:").append(k).append(" IN (:").append(v).append(")");
                    params.put(v, List.copyOf(r.values()));
                }
                case NOT_EQUALS, NOT_IN -> {
                    where.append(" AND (labels->>:").append(k).append(" IS NULL OR labels->>:").append(k)
                            .append(" NOT IN (:").append(v).append("))");
                    params.put(v, List.copyOf(r.values()));
                }
                case EXISTS -> where.append(" AND labels->>:").append(k).append(" IS NOT NULL");
                case DOES_NOT_EXIST -> where.append(" AND labels->>:").append(k).append(" IS NULL");
            }
        }
        params.put("limit", limit + 1);
        return jdbc.sql("SELECT " + COLUMNS + " FROM clusters " + where + " ORDER BY name LIMIT :limit")
                .params(params)
                .query(this::map)
                .list();
    }

    void insert(ClusterRow row, Instant nextProbe) {
        ClusterHealth h = row.health();
        jdbc.sql("""
                INSERT INTO clusters (id, name, display_name, description, labels, server_url, credential_type,
                    credentials, simulated, phase, conditions, kubernetes_version, platform, nodes_ready, nodes_total,
                    last_probe_at, last_error, consecutive_failures, next_probe_at, created_at, updated_at, generation)
                VALUES (:id, :name, :displayName, :description, CAST(:labels AS jsonb), :server, :credentialType,
                    :credentials, :simulated, :phase, CAST(:conditions AS jsonb), :version, :platform, :nodesReady,
                    :nodesTotal, :lastProbe, :lastError, :failures, :nextProbe, :createdAt, :updatedAt, :generation)
                """)
                .param("id", row.id())
                .param("name", row.name())
                .param("displayName", row.displayName())
                .param("description", row.description())
                .param("labels", json.writeValueAsString(row.labels()))
                .param("server", row.server())
                .param("credentialType", row.credentialType())
                .param("credentials", row.credentials())
                .param("simulated", h.simulated())
                .param("phase", h.phase())
                .param("conditions", json.writeValueAsString(h.conditions()))
                .param("version", h.kubernetesVersion())
                .param("platform", h.platform())
                .param("nodesReady", h.nodesReady())
                .param("nodesTotal", h.nodesTotal())
                .param("lastProbe", ts(h.lastProbeTime()))
                .param("lastError", h.lastError())
                .param("failures", h.consecutiveFailures())
                .param("nextProbe", ts(nextProbe))
                .param("createdAt", ts(row.createdAt()))
                .param("updatedAt", ts(row.updatedAt()))
                .param("generation", row.generation())
                .update();
    }

    /** Updates the descriptive fields; credentials too when given (bumping the generation). */
    void update(UUID id, String displayName, String description, Map<String, String> labels, String server,
            String credentialType, byte[] credentials, ClusterHealth health, Instant nextProbe, Instant now) {
        boolean newCredentials = credentials != null;
        StringBuilder sql = new StringBuilder("UPDATE clusters SET display_name = :displayName, description = :description, "
                + "labels = CAST(:labels AS jsonb), updated_at = :now");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        params.put("displayName", displayName);
        params.put("description", description);
        params.put("labels", json.writeValueAsString(labels));
        params.put("now", ts(now));
        if (newCredentials) {
            sql.append(", server_url = :server, credential_type = :credentialType, credentials = :credentials, "
                    + "generation = generation + 1, next_probe_at = :nextProbe");
            params.put("server", server);
            params.put("credentialType", credentialType);
            params.put("credentials", credentials);
            params.put("nextProbe", ts(nextProbe));
            if (health != null) {
                appendHealth(sql, params, health);
            }
        }
        sql.append(" WHERE id = :id");
        jdbc.sql(sql.toString()).params(params).update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM clusters WHERE id = :id").param("id", id).update() > 0;
    }

    /**
     * Claims up to {@code limit} clusters whose probe is due, pushing their next probe out by
     * {@code lease} so no other replica probes them meanwhile; returns the claimed rows.
     */
    List<ClusterRow> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE clusters SET next_probe_at = :leaseUntil
                WHERE id IN (SELECT id FROM clusters WHERE next_probe_at <= :now ORDER BY next_probe_at
                             LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS)
                .param("now", ts(now))
                .param("leaseUntil", ts(now.plus(lease)))
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** Writes a probe outcome unless the credentials changed meanwhile (generation differs). */
    boolean saveHealth(UUID id, long generation, ClusterHealth health, Instant nextProbe) {
        StringBuilder sql = new StringBuilder("UPDATE clusters SET next_probe_at = :nextProbe");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        params.put("generation", generation);
        params.put("nextProbe", ts(nextProbe));
        appendHealth(sql, params, health);
        sql.append(" WHERE id = :id AND generation = :generation");
        return jdbc.sql(sql.toString()).params(params).update() > 0;
    }

    private void appendHealth(StringBuilder sql, Map<String, Object> params, ClusterHealth h) {
        sql.append(", simulated = :simulated, phase = :phase, conditions = CAST(:conditions AS jsonb), "
                + "kubernetes_version = :version, platform = :platform, nodes_ready = :nodesReady, "
                + "nodes_total = :nodesTotal, last_probe_at = :lastProbe, last_error = :lastError, "
                + "consecutive_failures = :failures");
        params.put("simulated", h.simulated());
        params.put("phase", h.phase());
        params.put("conditions", json.writeValueAsString(h.conditions()));
        params.put("version", h.kubernetesVersion());
        params.put("platform", h.platform());
        params.put("nodesReady", h.nodesReady());
        params.put("nodesTotal", h.nodesTotal());
        params.put("lastProbe", ts(h.lastProbeTime()));
        params.put("lastError", h.lastError());
        params.put("failures", h.consecutiveFailures());
    }

    private ClusterRow map(ResultSet rs, int row) throws SQLException {
        ClusterHealth health = new ClusterHealth(
                rs.getString("phase"),
                json.readValue(rs.getString("conditions"), new TypeReference<List<ClusterCondition>>() {}),
                rs.getString("kubernetes_version"),
                rs.getString("platform"),
                rs.getBoolean("simulated"),
                (Integer) rs.getObject("nodes_ready"),
                (Integer) rs.getObject("nodes_total"),
                instant(rs.getTimestamp("last_probe_at")),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"));
        return new ClusterRow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("display_name"),
                rs.getString("description"),
                json.readValue(rs.getString("labels"), new TypeReference<LinkedHashMap<String, String>>() {}),
                rs.getString("server_url"),
                rs.getString("credential_type"),
                rs.getBytes("credentials"),
                health,
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("generation"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

}
