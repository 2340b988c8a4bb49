package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** "Who am I and what may I do": the caller, its groups and roles, and a permission summary. */
@Service
class MeService {

    /** Platform resources summarised in {@code can}. */
    private static final List<String> PLATFORM_RESOURCES = List.of("users", "groups", "folders", "workspaces",
            "rolebindings", "resourcebindings", "quotas", "accesskeys", "clusters", "audit");
    private static final List<String> VERBS = List.of("get", "list", "create", "update", "delete");

    private final UserStore users;
    private final AuthorizationService authz;
    private final JdbcClient jdbc;

    MeService(UserStore users, AuthorizationService authz, JdbcClient jdbc) {
        this.users = users;
        this.authz = authz;
        this.jdbc = jdbc;
    }

    /**
     * The caller.
     *
     * @param authenticatedBy session, basic or accesskey
     * @param platformRoles roles held on the whole platform
     * @param grants every role the caller holds, with its scope (folder and workspace names resolved),
     *     including the roles a workspace role maps to on bound clusters and namespaces
     * @param can platform-wide: resource → verbs allowed
     * @param clusters clusters the caller can see, with "*" when all
     */
    record Me(String username, String displayName, String email, String source, String authenticatedBy,
            String accessKeyId, List<String> groups, List<String> platformRoles, List<GrantView> grants,
            Map<String, List<String>> can, List<String> clusters) {}

    /** One effective role: role, scope kind, scope (name; "cluster/namespace" for namespaces), and origin. */
    record GrantView(String role, String scopeKind, String scope, String origin) {}

    Me me(Actor actor) {
        UserStore.UserRow user = users.find(actor.username())
                .orElseThrow(() -> ApiException.notFound("user '" + actor.username() + "'"));
        PolicyEngine engine = authz.engine(actor);
        Map<UUID, String> names = tenancyNames();
        List<String> platformRoles = new ArrayList<>();
        List<GrantView> grants = new ArrayList<>();
        for (PolicyEngine.Grant g : engine.grants()) {
            if (g.scope() instanceof Scope.Platform && !platformRoles.contains(g.role().displayName())) {
                platformRoles.add(g.role().displayName());
            }
            grants.add(new GrantView(g.role().displayName(), g.scope().kind(), scopeName(g.scope(), names),
                    g.origin()));
        }
        Map<String, List<String>> can = new LinkedHashMap<>();
        for (String resource : PLATFORM_RESOURCES) {
            List<String> verbs = VERBS.stream()
                    .filter(v -> engine.decide(v, resource, Scope.PLATFORM).allowed()).toList();
            if (!verbs.isEmpty()) {
                can.put(resource, verbs);
            }
        }
        Listable clusters = engine.listable("clusters", "list");
        return new Me(user.username(), user.displayName(), user.email(), user.source(), actor.method(),
                actor.accessKeyId(), users.groupsOf(user.id()), platformRoles, grants, can,
                clusters.all() ? List.of("*") : List.copyOf(clusters.anyClusters()));
    }

    private Map<UUID, String> tenancyNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM iam_folders UNION ALL SELECT id, name FROM iam_workspaces")
                .query(rs -> { names.put(rs.getObject(1, UUID.class), rs.getString(2)); });
        return names;
    }

    static String scopeName(Scope scope, Map<UUID, String> names) {
        return switch (scope) {
            case Scope.Platform p -> "";
            case Scope.Folder f -> names.getOrDefault(f.id(), f.id().toString());
            case Scope.Workspace w -> names.getOrDefault(w.id(), w.id().toString());
            case Scope.Cluster c -> c.cluster();
            case Scope.Namespace n -> n.cluster() + "/" + n.namespace();
        };
    }
}
