package io.flotilla.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of role bindings. */
@Repository
class RoleBindingStore {

    private static final String SELECT = """
            SELECT rb.id, CASE WHEN rb.user_id IS NULL THEN 'group' ELSE 'user' END AS subject_kind,
                   COALESCE(u.username, g.name) AS subject, rb.role, rb.scope_kind, rb.folder_id, f.name AS folder,
                   rb.workspace_id, w.name AS workspace, rb.cluster, rb.namespace, rb.created_at
            FROM iam_role_bindings rb
            LEFT JOIN iam_users u ON u.id = rb.user_id
            LEFT JOIN iam_groups g ON g.id = rb.group_id
            LEFT JOIN iam_folders f ON f.id = rb.folder_id
            LEFT JOIN iam_workspaces w ON w.id = rb.workspace_id
            """;

    private final JdbcClient jdbc;
    private final IamCaches caches;

    RoleBindingStore(JdbcClient jdbc, IamCaches caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    /** A stored binding with names resolved. */
    record BindingRow(UUID id, String subjectKind, String subject, String role, String scopeKind, UUID folderId,
            String folder, UUID workspaceId, String workspace, String cluster, String namespace, Instant createdAt) {

        Scope scope() {
            return switch (scopeKind) {
                case "platform" -> Scope.PLATFORM;
                case "folder" -> new Scope.Folder(folderId);
                case "workspace" -> new Scope.Workspace(workspaceId);
                case "cluster" -> new Scope.Cluster(cluster);
                default -> new Scope.Namespace(cluster, namespace);
            };
        }
    }

    /**
     * Inserts a binding.
     *
     * @return false when exactly this binding exists already
     */
    boolean insert(UUID id, UUID userId, UUID groupId, Role role, Scope scope) {
        UUID folder = scope instanceof Scope.Folder f ? f.id() : null;
        UUID workspace = scope instanceof Scope.Workspace w ? w.id() : null;
        String cluster = switch (scope) {
            case Scope.Cluster c -> c.cluster();
            case Scope.Namespace n -> n.cluster();
            default -> null;
        };
        String namespace = scope instanceof Scope.Namespace n ? n.namespace() : null;
        boolean written = jdbc.sql("""
                INSERT INTO iam_role_bindings (id, user_id, group_id, role, scope_kind, folder_id, workspace_id,
                    cluster, namespace)
                VALUES (:id, :u, :g, :role, :kind, :f, :w, :c, :n) ON CONFLICT DO NOTHING
                """)
                .param("id", id).param("u", userId).param("g", groupId).param("role", role.displayName())
                .param("kind", scope.kind()).param("f", folder).param("w", workspace).param("c", cluster)
                .param("n", namespace).update() > 0;
        caches.changed();
        return written;
    }

    Optional<BindingRow> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE rb.id = :id").param("id", id).query((rs, i) -> map(rs)).optional();
    }

    /** Bindings matching optional filters, by id after {@code after}. */
    List<BindingRow> list(Map<String, Object> filters, UUID after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        var params = new LinkedHashMap<String, Object>(filters);
        filters.keySet().forEach(k -> where.append(switch (k) {
            case "user" -> " AND u.username = :user";
            case "group" -> " AND g.name = :group";
            case "folder" -> " AND rb.folder_id = :folder";
            case "workspace" -> " AND rb.workspace_id = :workspace";
            case "cluster" -> " AND rb.cluster = :cluster";
            case "namespace" -> " AND rb.namespace = :namespace";
            case "scopeKind" -> " AND rb.scope_kind = :scopeKind";
            default -> throw new IllegalArgumentException(k);
        }));
        if (after != null) {
            where.append(" AND rb.id > :after");
            params.put("after", after);
        }
        params.put("limit", limit + 1);
        return jdbc.sql(SELECT + where + " ORDER BY rb.id LIMIT :limit").params(params).query((rs, i) -> map(rs))
                .list();
    }

    boolean delete(UUID id) {
        boolean written = jdbc.sql("DELETE FROM iam_role_bindings WHERE id = :id").param("id", id).update() > 0;
        caches.changed();
        return written;
    }

    /** How many enabled users hold the platform Admin role directly, other than {@code except}. */
    int otherAdmins(UUID except) {
        return jdbc.sql("""
                SELECT count(DISTINCT u.id) FROM iam_role_bindings rb JOIN iam_users u ON u.id = rb.user_id
                WHERE rb.role = 'Admin' AND rb.scope_kind = 'platform' AND u.enabled AND u.id <> :id
                """).param("id", except).query(Integer.class).single();
    }

    boolean anyFor(String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM iam_role_bindings WHERE " + column + " = :id").param("id", id)
                .query(Integer.class).single() > 0;
    }

    private static BindingRow map(ResultSet rs) throws SQLException {
        return new BindingRow(rs.getObject("id", UUID.class), rs.getString("subject_kind"), rs.getString("subject"),
                rs.getString("role"), rs.getString("scope_kind"), rs.getObject("folder_id", UUID.class),
                rs.getString("folder"), rs.getObject("workspace_id", UUID.class), rs.getString("workspace"),
                rs.getString("cluster"), rs.getString("namespace"), UserStore.instant(rs, "created_at"));
    }
}
