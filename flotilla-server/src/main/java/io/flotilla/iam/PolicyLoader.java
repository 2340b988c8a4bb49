package io.flotilla.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads what the pure policy needs about one user from the database. */
@Repository
class PolicyLoader {

    private static final Logger log = LoggerFactory.getLogger(PolicyLoader.class);

    private final JdbcClient jdbc;

    PolicyLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bindings of an enabled user (own and through groups), the tenancy tree and workspace resources. */
    PolicyInput load(String username) {
        List<PolicyInput.Binding> bindings = new ArrayList<>();
        jdbc.sql("""
                SELECT rb.role, rb.scope_kind, rb.folder_id, rb.workspace_id, rb.cluster, rb.namespace, g.name
                FROM iam_users u
                JOIN iam_role_bindings rb ON rb.user_id = u.id
                    OR rb.group_id IN (SELECT group_id FROM iam_group_members WHERE user_id = u.id)
                LEFT JOIN iam_groups g ON g.id = rb.group_id
                WHERE u.username = :u AND u.enabled
                """).param("u", username).query(rs -> {
                    Role role = Role.byName(rs.getString(1)).orElse(null);
                    if (role == null) {
                        log.warn("ignoring role binding of {} to unknown role {}", username, rs.getString(1));
                        return;
                    }
                    Scope scope = switch (rs.getString(2)) {
                        case "platform" -> Scope.PLATFORM;
                        case "folder" -> new Scope.Folder(rs.getObject(3, UUID.class));
                        case "workspace" -> new Scope.Workspace(rs.getObject(4, UUID.class));
                        case "cluster" -> new Scope.Cluster(rs.getString(5));
                        default -> new Scope.Namespace(rs.getString(5), rs.getString(6));
                    };
                    String group = rs.getString(7);
                    bindings.add(new PolicyInput.Binding(role, scope, group == null ? "user" : "group " + group));
                });
        boolean tenancy = bindings.stream()
                .anyMatch(b -> b.scope() instanceof Scope.Folder || b.scope() instanceof Scope.Workspace);
        if (!tenancy) {
            return PolicyInput.of(bindings);
        }
        Map<UUID, UUID> folders = new HashMap<>();
        jdbc.sql("SELECT id, parent_id FROM iam_folders")
                .query(rs -> { folders.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)); });
        Map<UUID, UUID> workspaces = new HashMap<>();
        jdbc.sql("SELECT id, folder_id FROM iam_workspaces")
                .query(rs -> { workspaces.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)); });
        Map<UUID, List<PolicyInput.BoundResource>> resources = new HashMap<>();
        jdbc.sql("SELECT workspace_id, cluster, namespace FROM iam_resource_bindings").query(rs -> {
            resources.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new PolicyInput.BoundResource(rs.getString(2), rs.getString(3)));
        });
        return new PolicyInput(bindings, folders, workspaces, resources);
    }
}
