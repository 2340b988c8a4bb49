package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of resource bindings, shared-cluster quotas and the namespaces allocated from them. */
@Repository
class SharingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final IamCaches caches;
    private final TransactionTemplate tx;

    SharingStore(JdbcClient jdbc, PlatformTransactionManager transactions, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
        this.tx = new TransactionTemplate(transactions);
    }

    record BindingRow(UUID id, UUID workspaceId, String cluster, String namespace, Instant createdAt) {}

    record QuotaRow(UUID workspaceId, String cluster, Map<String, String> hard, Instant updatedAt) {}

    record AllocationRow(UUID workspaceId, String cluster, String namespace, Map<String, String> hard) {}

    <T> T inTransaction(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    List<BindingRow> bindings(UUID workspace) {
        return jdbc.sql("SELECT id, workspace_id, cluster, namespace, created_at FROM iam_resource_bindings "
                        + "WHERE workspace_id = :w ORDER BY cluster, namespace NULLS FIRST")
                .param("w", workspace).query((rs, i) -> binding(rs)).list();
    }

    Optional<BindingRow> binding(UUID workspace, UUID id) {
        return jdbc.sql("SELECT id, workspace_id, cluster, namespace, created_at FROM iam_resource_bindings "
                + "WHERE workspace_id = :w AND id = :id").param("w", workspace).param("id", id)
                .query((rs, i) -> binding(rs)).optional();
    }

    /** Is the namespace (or, namespace null, the whole cluster) bound to any other workspace? */
    boolean boundElsewhere(UUID workspace, String cluster, String namespace) {
        return jdbc.sql("SELECT count(*) FROM iam_resource_bindings WHERE cluster = :c AND workspace_id <> :w AND "
                        + "namespace IS NOT DISTINCT FROM :n AND namespace IS NOT NULL")
                .param("c", cluster).param("w", workspace).param("n", namespace).query(Integer.class).single() > 0;
    }

    void insertBinding(UUID id, UUID workspace, String cluster, String namespace) {
        jdbc.sql("INSERT INTO iam_resource_bindings (id, workspace_id, cluster, namespace) VALUES (:id, :w, :c, :n)")
                .param("id", id).param("w", workspace).param("c", cluster).param("n", namespace).update();
        caches.changed();
    }

    void deleteBinding(UUID id) {
        jdbc.sql("DELETE FROM iam_resource_bindings WHERE id = :id").param("id", id).update();
        caches.changed();
    }

    void deleteBinding(UUID workspace, String cluster, String namespace) {
        jdbc.sql("DELETE FROM iam_resource_bindings WHERE workspace_id = :w AND cluster = :c AND namespace = :n")
                .param("w", workspace).param("c", cluster).param("n", namespace).update();
        caches.changed();
    }

    List<QuotaRow> quotas(UUID workspace) {
        return jdbc.sql("SELECT workspace_id, cluster, hard::text, updated_at FROM iam_quotas WHERE workspace_id = :w "
                + "ORDER BY cluster").param("w", workspace).query((rs, i) -> quota(rs)).list();
    }

    /** The quota row, locked for the rest of the transaction (serialises allocations from it). */
    Optional<QuotaRow> lockQuota(UUID workspace, String cluster) {
        return jdbc.sql("SELECT workspace_id, cluster, hard::text, updated_at FROM iam_quotas "
                        + "WHERE workspace_id = :w AND cluster = :c FOR UPDATE")
                .param("w", workspace).param("c", cluster).query((rs, i) -> quota(rs)).optional();
    }

    void upsertQuota(UUID workspace, String cluster, Map<String, String> hard) {
        jdbc.sql("""
                INSERT INTO iam_quotas (workspace_id, cluster, hard) VALUES (:w, :c, CAST(:h AS jsonb))
                ON CONFLICT (workspace_id, cluster) DO UPDATE SET hard = EXCLUDED.hard, updated_at = now()
                """).param("w", workspace).param("c", cluster).param("h", JSON.writeValueAsString(hard)).update();
    }

    void deleteQuota(UUID workspace, String cluster) {
        jdbc.sql("DELETE FROM iam_quotas WHERE workspace_id = :w AND cluster = :c").param("w", workspace)
                .param("c", cluster).update();
    }

    List<AllocationRow> allocations(UUID workspace, String cluster) {
        return jdbc.sql("SELECT workspace_id, cluster, namespace, hard::text FROM iam_quota_allocations "
                        + "WHERE workspace_id = :w AND (CAST(:c AS text) IS NULL OR cluster = :c) "
                        + "ORDER BY cluster, namespace")
                .param("w", workspace).param("c", cluster)
                .query((rs, i) -> new AllocationRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        JSON.readValue(rs.getString(4), MAP))).list();
    }

    boolean allocated(String cluster, String namespace) {
        return jdbc.sql("SELECT count(*) FROM iam_quota_allocations WHERE cluster = :c AND namespace = :n")
                .param("c", cluster).param("n", namespace).query(Integer.class).single() > 0;
    }

    void insertAllocation(UUID workspace, String cluster, String namespace, Map<String, String> hard) {
        jdbc.sql("INSERT INTO iam_quota_allocations (workspace_id, cluster, namespace, hard) "
                        + "VALUES (:w, :c, :n, CAST(:h AS jsonb))")
                .param("w", workspace).param("c", cluster).param("n", namespace).param("h", JSON.writeValueAsString(hard))
                .update();
    }

    void deleteAllocation(String cluster, String namespace) {
        jdbc.sql("DELETE FROM iam_quota_allocations WHERE cluster = :c AND namespace = :n").param("c", cluster)
                .param("n", namespace).update();
    }

    private static BindingRow binding(ResultSet rs) throws SQLException {
        return new BindingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), UserStore.instant(rs, "created_at"));
    }

    private static QuotaRow quota(ResultSet rs) throws SQLException {
        return new QuotaRow(rs.getObject(1, UUID.class), rs.getString(2), JSON.readValue(rs.getString(3), MAP),
                UserStore.instant(rs, "updated_at"));
    }
}
