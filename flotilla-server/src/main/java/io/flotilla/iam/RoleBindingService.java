package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Role bindings: a user or group holds a role on a scope. Granting needs "create rolebindings" on
 * that scope; platform roles need a platform role that grants them, and only an Admin grants Admin.
 */
@Service
class RoleBindingService {

    private final RoleBindingStore store;
    private final UserStore users;
    private final GroupStore groups;
    private final TenancyStore tenancy;
    private final FolderService folders;
    private final WorkspaceService workspaces;
    private final ClusterDirectory clusters;
    private final AuthorizationService authz;

    RoleBindingService(RoleBindingStore store, UserStore users, GroupStore groups, TenancyStore tenancy,
            FolderService folders, WorkspaceService workspaces, ClusterDirectory clusters, AuthorizationService authz) {
        this.store = store;
        this.users = users;
        this.groups = groups;
        this.tenancy = tenancy;
        this.folders = folders;
        this.workspaces = workspaces;
        this.clusters = clusters;
        this.authz = authz;
    }

    /** Who holds the role: kind user or group, and the name. */
    record Subject(String kind, String name) {}

    /**
     * Where the role applies.
     *
     * @param kind platform, folder, workspace, cluster or namespace
     * @param name folder or workspace name
     * @param cluster cluster name (cluster and namespace scopes)
     * @param namespace namespace name (namespace scope)
     */
    record ScopeRef(String kind, String name, String cluster, String namespace) {}

    record RoleBinding(UUID id, Subject subject, String role, ScopeRef scope, Instant createdAt) {}

    record RoleBindingRequest(Subject subject, String role, ScopeRef scope) {}

    RoleBinding create(RoleBindingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.subject() == null || request.subject().kind() == null
                || !List.of("user", "group").contains(request.subject().kind())) {
            errors.add(new FieldError("subject.kind", "must be user or group"));
        }
        if (request.subject() == null || request.subject().name() == null || request.subject().name().isBlank()) {
            errors.add(new FieldError("subject.name", "is required"));
        }
        Role role = Role.byName(request.role()).orElse(null);
        if (role == null) {
            errors.add(new FieldError("role", "unknown role '" + request.role() + "'; roles are "
                    + String.join(", ", Arrays.stream(Role.values()).map(Role::displayName).toList())));
        }
        if (request.scope() == null || request.scope().kind() == null) {
            errors.add(new FieldError("scope.kind", "must be platform, folder, workspace, cluster or namespace"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Scope scope = resolve(request.scope());
        if (!role.kind().accepts(scope)) {
            throw ApiException.badRequest("scope.kind", "role '" + role.displayName() + "' binds to a "
                    + role.kind().name().toLowerCase(Locale.ROOT) + " scope"
                    + (role.kind() == Role.Kind.NAMESPACE ? " (or a whole cluster)" : "") + ", not to a "
                    + scope.kind());
        }
        Actor actor = authz.current();
        authz.require("create", "rolebindings", scope, role.displayName());
        requireGrantable(actor, role);
        checkExists(scope);
        UUID userId = null;
        UUID groupId = null;
        if ("user".equals(request.subject().kind())) {
            userId = users.find(request.subject().name()).map(UserStore.UserRow::id)
                    .orElseThrow(() -> ClusterDirectory.unknown("subject.name", "user '" + request.subject().name()
                            + "' does not exist"));
        } else {
            groupId = groups.find(request.subject().name()).map(GroupStore.GroupRow::id)
                    .orElseThrow(() -> ClusterDirectory.unknown("subject.name", "group '" + request.subject().name()
                            + "' does not exist"));
        }
        UUID id = UUID.randomUUID();
        boolean inserted;
        try {
            inserted = store.insert(id, userId, groupId, role, scope);
        } catch (DataIntegrityViolationException e) {
            throw ClusterDirectory.unknown("scope", "the scope was deleted meanwhile");
        }
        if (!inserted) {
            throw ApiException.conflict(request.subject().kind() + " '" + request.subject().name() + "' already holds "
                    + role.displayName() + " there");
        }
        authz.forget(actor.username());
        return view(store.find(id).orElseThrow());
    }

    RoleBinding get(UUID id) {
        RoleBindingStore.BindingRow row = store.find(id).filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("role binding " + id));
        return view(row);
    }

    Page<RoleBinding> list(Map<String, String> filters, Integer limit, String continueToken) {
        authz.current();
        int size = ContinueToken.limit(limit, 50, 500);
        Map<String, Object> sql = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                return;
            }
            switch (k) {
                case "folder" -> sql.put(k, tenancy.folder(v).map(TenancyStore.FolderRow::id)
                        .orElse(new UUID(0, 0)));
                case "workspace" -> sql.put(k, tenancy.workspace(v).map(TenancyStore.WorkspaceRow::id)
                        .orElse(new UUID(0, 0)));
                default -> sql.put(k, v);
            }
        });
        UUID after = null;
        if (continueToken != null && !continueToken.isBlank()) {
            try {
                after = UUID.fromString(ContinueToken.decode(continueToken));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("continue", "is not a continue token of role bindings");
            }
        }
        List<RoleBinding> items = new ArrayList<>();
        boolean more = false;
        while (true) {
            List<RoleBindingStore.BindingRow> rows = store.list(sql, after, size * 2);
            for (RoleBindingStore.BindingRow r : rows) {
                if (visible(r)) {
                    if (items.size() == size) {
                        more = true;
                        break;
                    }
                    items.add(view(r));
                }
                after = r.id();
            }
            if (more || rows.size() <= size * 2) {
                break;
            }
        }
        return new Page<>(items, more ? ContinueToken.encode(items.getLast().id().toString()) : null);
    }

    void delete(UUID id) {
        RoleBindingStore.BindingRow row = store.find(id).filter(this::visible)
                .orElseThrow(() -> ApiException.notFound("role binding " + id));
        Actor actor = authz.current();
        authz.require("delete", "rolebindings", row.scope(), row.role());
        Role role = Role.byName(row.role()).orElse(null);
        if (role != null) {
            requireGrantable(actor, role);
        }
        if (role == Role.ADMIN && "user".equals(row.subjectKind())) {
            UUID userId = users.find(row.subject()).map(UserStore.UserRow::id).orElse(null);
            if (userId != null && store.otherAdmins(userId) == 0) {
                throw ApiException.conflict("'" + row.subject() + "' is the last platform admin; grant Admin to "
                        + "another user first");
            }
        }
        store.delete(id);
        authz.forget(actor.username());
    }

    private boolean visible(RoleBindingStore.BindingRow row) {
        return authz.decide(authz.current(), "list", "rolebindings", row.scope(), null).allowed();
    }

    /** Platform roles are granted only by platform role holders who may grant them; Admin only by Admins. */
    private void requireGrantable(Actor actor, Role role) {
        if (role.kind() != Role.Kind.PLATFORM) {
            return;
        }
        PolicyEngine engine = authz.engine(actor);
        boolean ok = role == Role.ADMIN
                ? engine.grants().stream().anyMatch(g -> g.role() == Role.ADMIN && g.scope() instanceof Scope.Platform)
                : engine.platformAllows("create", "rolebindings");
        if (!ok) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "'" + actor.username() + "' may not grant or "
                    + "revoke the platform role " + role.displayName() + (role == Role.ADMIN ? "; only an Admin can"
                    : "; only an Admin or IAM Owner can"));
        }
    }

    private Scope resolve(ScopeRef ref) {
        return switch (ref.kind()) {
            case "platform" -> Scope.PLATFORM;
            case "folder" -> {
                try {
                    yield new Scope.Folder(folders.visible(required("scope.name", ref.name())).id());
                } catch (ApiException e) {
                    if (e.status() != HttpStatus.NOT_FOUND) {
                        throw e;
                    }
                    throw ClusterDirectory.unknown("scope.name", "folder '" + ref.name() + "' does not exist");
                }
            }
            case "workspace" -> new Scope.Workspace(workspaces.referenced("scope.name",
                    required("scope.name", ref.name())).id());
            case "cluster" -> new Scope.Cluster(required("scope.cluster", ref.cluster()));
            case "namespace" -> new Scope.Namespace(required("scope.cluster", ref.cluster()),
                    required("scope.namespace", ref.namespace()));
            default -> throw ApiException.badRequest("scope.kind", "'" + ref.kind()
                    + "' is not one of platform, folder, workspace, cluster, namespace");
        };
    }

    private void checkExists(Scope scope) {
        switch (scope) {
            case Scope.Cluster c -> clusters.requireCluster("scope.cluster", c.cluster());
            case Scope.Namespace n -> clusters.requireNamespace("scope.namespace", n.cluster(), n.namespace());
            default -> { }
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, "is required for this scope kind");
        }
        return value;
    }

    private static RoleBinding view(RoleBindingStore.BindingRow r) {
        ScopeRef scope = switch (r.scopeKind()) {
            case "platform" -> new ScopeRef("platform", null, null, null);
            case "folder" -> new ScopeRef("folder", r.folder(), null, null);
            case "workspace" -> new ScopeRef("workspace", r.workspace(), null, null);
            case "cluster" -> new ScopeRef("cluster", null, r.cluster(), null);
            default -> new ScopeRef("namespace", null, r.cluster(), r.namespace());
        };
        return new RoleBinding(r.id(), new Subject(r.subjectKind(), r.subject()), r.role(), scope, r.createdAt());
    }
}
