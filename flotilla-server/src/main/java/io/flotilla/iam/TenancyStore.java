package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL of folders and workspaces. Tree changes run under one advisory lock so no two moves race into a cycle. */
@Repository
class TenancyStore {

    private static final long TREE_LOCK = 0x666c6f7469L;

    private final JdbcClient jdbc;
    private final IamCaches caches;
    private final TransactionTemplate tx;

    TenancyStore(JdbcClient jdbc, PlatformTransactionManager transactions, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
        this.tx = new TransactionTemplate(transactions);
    }

    record FolderRow(UUID id, String name, UUID parentId, Instant createdAt) {}

    record WorkspaceRow(UUID id, String name, UUID folderId, Instant createdAt) {}

    /** Runs {@code work} in one transaction holding the tree lock. */
    <T> T locked(Supplier<T> work) {
        return tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:k)").param("k", TREE_LOCK).query().singleValue();
            return work.get();
        });
    }

    Map<UUID, UUID> folderParents() {
        Map<UUID, UUID> parents = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM iam_folders")
                .query(rs -> { parents.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)); });
        return parents;
    }

    Map<UUID, String> folderNames() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM iam_folders").query(rs -> { names.put(rs.getObject(1, UUID.class),
                rs.getString(2)); });
        return names;
    }

    Optional<FolderRow> folder(String name) {
        return jdbc.sql("SELECT id, name, parent_id, created_at FROM iam_folders WHERE name = :n").param("n", name)
                .query((rs, i) -> folder(rs)).optional();
    }

    List<FolderRow> folders(UUID parent, boolean topLevelOnly, UUID[] only, String after, int limit) {
        return jdbc.sql("""
                SELECT id, name, parent_id, created_at FROM iam_folders
                WHERE (CAST(:after AS text) IS NULL OR name > :after)
                  AND (CAST(:only AS uuid[]) IS NULL OR id = ANY(:only))
                  AND (CAST(:parent AS uuid) IS NULL OR parent_id = :parent)
                  AND (NOT :top OR parent_id IS NULL)
                ORDER BY name LIMIT :limit
                """).param("after", after).param("parent", parent).param("top", topLevelOnly).param("only", only)
                .param("limit", limit).query((rs, i) -> folder(rs)).list();
    }

    void insertFolder(UUID id, String name, UUID parent) {
        jdbc.sql("INSERT INTO iam_folders (id, name, parent_id) VALUES (:id, :n, :p)")
                .param("id", id).param("n", name).param("p", parent).update();
        caches.changed();
    }

    void updateFolder(UUID id, String name, UUID parent) {
        jdbc.sql("UPDATE iam_folders SET name = :n, parent_id = :p WHERE id = :id")
                .param("n", name).param("p", parent).param("id", id).update();
        caches.changed();
    }

    void deleteFolder(UUID id) {
        jdbc.sql("DELETE FROM iam_folders WHERE id = :id").param("id", id).update();
        caches.changed();
    }

    /** What a folder still holds: sub-folders, workspaces, role bindings on it (each counted). */
    Map<String, Integer> folderContents(UUID id) {
        return Map.of(
                "folders", count("SELECT count(*) FROM iam_folders WHERE parent_id = :id", id),
                "workspaces", count("SELECT count(*) FROM iam_workspaces WHERE folder_id = :id", id),
                "role bindings", count("SELECT count(*) FROM iam_role_bindings WHERE folder_id = :id", id));
    }

    Optional<WorkspaceRow> workspace(String name) {
        return jdbc.sql("SELECT id, name, folder_id, created_at FROM iam_workspaces WHERE name = :n").param("n", name)
                .query((rs, i) -> workspace(rs)).optional();
    }

    Optional<WorkspaceRow> workspace(UUID id) {
        return jdbc.sql("SELECT id, name, folder_id, created_at FROM iam_workspaces WHERE id = :id").param("id", id)
                .query((rs, i) -> workspace(rs)).optional();
    }

    List<WorkspaceRow> workspaces(UUID folder, UUID[] only, String after, int limit) {
        return jdbc.sql("""
                SELECT id, name, folder_id, created_at FROM iam_workspaces
                WHERE (CAST(:after AS text) IS NULL OR name > :after)
                  AND (CAST(:only AS uuid[]) IS NULL OR id = ANY(:only))
                  AND (CAST(:folder AS uuid) IS NULL OR folder_id = :folder)
                ORDER BY name LIMIT :limit
                """).param("after", after).param("folder", folder).param("only", only).param("limit", limit)
                .query((rs, i) -> workspace(rs)).list();
    }

    void insertWorkspace(UUID id, String name, UUID folder) {
        jdbc.sql("INSERT INTO iam_workspaces (id, name, folder_id) VALUES (:id, :n, :f)")
                .param("id", id).param("n", name).param("f", folder).update();
        caches.changed();
    }

    void updateWorkspace(UUID id, String name, UUID folder) {
        jdbc.sql("UPDATE iam_workspaces SET name = :n, folder_id = :f WHERE id = :id")
                .param("n", name).param("f", folder).param("id", id).update();
        caches.changed();
    }

    void deleteWorkspace(UUID id) {
        jdbc.sql("DELETE FROM iam_workspaces WHERE id = :id").param("id", id).update();
        caches.changed();
    }

    /** What a workspace still holds: resource bindings, shared-cluster quotas, role bindings. */
    Map<String, Integer> workspaceContents(UUID id) {
        return Map.of(
                "resource bindings", count("SELECT count(*) FROM iam_resource_bindings WHERE workspace_id = :id", id),
                "quotas", count("SELECT count(*) FROM iam_quotas WHERE workspace_id = :id", id),
                "role bindings", count("SELECT count(*) FROM iam_role_bindings WHERE workspace_id = :id", id));
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    private static FolderRow folder(ResultSet rs) throws SQLException {
        return new FolderRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                UserStore.instant(rs, "created_at"));
    }

    private static WorkspaceRow workspace(ResultSet rs) throws SQLException {
        return new WorkspaceRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                UserStore.instant(rs, "created_at"));
    }
}
