package io.flotilla.iam;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in roles: what each allows and on which kind of scope it can be bound. Pure data, no I/O.
 * Folder and workspace roles also map onto the clusters and namespaces bound to a workspace
 * ({@link #onBoundResources()}).
 */
public enum Role {

    ADMIN("Admin", Kind.PLATFORM, "Everything, everywhere.",
            List.of(Rule.any(Rule.ALL))),
    IAM_OWNER("IAM Owner", Kind.PLATFORM, "Users, groups, folders, workspaces and role bindings.",
            List.of(Rule.named(Rule.IAM, Rule.ALL), Rule.named(Set.of("clusters"), Rule.READ))),
    CLUSTER_OWNER("Cluster Owner", Kind.PLATFORM, "All clusters and everything in them; binds clusters to workspaces.",
            List.of(Rule.named(Set.of("clusters", "resourcebindings", "quotas"), Rule.ALL), Rule.kube(Rule.ALL),
                    Rule.named(Set.of("folders", "workspaces"), Rule.READ))),
    AUDIT_OWNER("Audit Owner", Kind.PLATFORM, "Reads, exports and verifies the audit log.",
            List.of(Rule.named(Set.of("audit"), Rule.READ))),

    FOLDER_ADMIN("Folder Admin", Kind.FOLDER, "Manages the folder's sub-folders, workspaces and their members.",
            List.of(Rule.named(Rule.TENANCY, Rule.ALL))),
    FOLDER_EDITOR("Folder Editor", Kind.FOLDER, "Reads the folder; edits in the namespaces bound below it.",
            List.of(Rule.named(Rule.TENANCY, Rule.READ), Rule.named(Set.of("namespaces"), Rule.CREATE_READ))),
    FOLDER_VIEWER("Folder Viewer", Kind.FOLDER, "Reads the folder and everything bound below it.",
            List.of(Rule.named(Rule.TENANCY, Rule.READ))),

    WORKSPACE_ADMIN("Workspace Admin", Kind.WORKSPACE, "Manages the workspace's members and namespaces.",
            List.of(Rule.named(Set.of("rolebindings", "resourcebindings", "namespaces"), Rule.ALL),
                    Rule.named(Rule.TENANCY, Rule.READ))),
    WORKSPACE_EDITOR("Workspace Editor", Kind.WORKSPACE, "Edits in the workspace's namespaces; creates namespaces "
            + "within its quotas.",
            List.of(Rule.named(Rule.TENANCY, Rule.READ), Rule.named(Set.of("namespaces"), Rule.CREATE_READ))),
    WORKSPACE_VIEWER("Workspace Viewer", Kind.WORKSPACE, "Reads the workspace and its namespaces.",
            List.of(Rule.named(Rule.TENANCY, Rule.READ))),

    CLUSTER_ADMIN("Cluster Admin", Kind.CLUSTER, "Everything in one cluster.",
            List.of(Rule.kube(Rule.ALL), Rule.named(Set.of("rolebindings", "resourcebindings", "quotas"), Rule.ALL),
                    Rule.named(Set.of("clusters"), Set.of("get", "list", "watch", "update", "patch")))),
    NS_ADMIN("NS Admin", Kind.NAMESPACE, "Everything in a namespace, including its role bindings.",
            List.of(Rule.kube(Rule.ALL), Rule.named(Set.of("rolebindings"), Rule.ALL))),
    NS_EDIT("NS Edit", Kind.NAMESPACE, "Creates, changes and deletes workloads in a namespace; no RBAC or quota changes.",
            List.of(Rule.kubeExcept(Rule.ALL, Rule.PROTECTED), Rule.kube(Rule.READ))),
    NS_VIEW("NS View", Kind.NAMESPACE, "Reads a namespace, except secrets.",
            List.of(Rule.kubeExcept(Rule.READ, Set.of("secrets"))));

    /** On which kind of scope a role can be bound. */
    public enum Kind {
        PLATFORM, FOLDER, WORKSPACE, CLUSTER, NAMESPACE;

        boolean accepts(Scope scope) {
            return switch (this) {
                case PLATFORM -> scope instanceof Scope.Platform;
                case FOLDER -> scope instanceof Scope.Folder;
                case WORKSPACE -> scope instanceof Scope.Workspace;
                case CLUSTER -> scope instanceof Scope.Cluster;
                // namespace roles may also be bound cluster-wide: the role in every namespace of the cluster
                case NAMESPACE -> scope instanceof Scope.Namespace || scope instanceof Scope.Cluster;
            };
        }
    }

    private final String displayName;
    private final Kind kind;
    private final String description;
    private final List<Rule> rules;

    Role(String displayName, Kind kind, String description, List<Rule> rules) {
        this.displayName = displayName;
        this.kind = kind;
        this.description = description;
        this.rules = rules;
    }

    public String displayName() {
        return displayName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    List<Rule> rules() {
        return rules;
    }

    /** Does this role allow {@code verb} on {@code resource} (wherever it applies)? */
    public boolean allows(String verb, String resource) {
        for (Rule r : rules) {
            if (r.matches(verb, resource)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a folder or workspace role becomes on the clusters and namespaces bound to a workspace:
     * Admin → Cluster Admin on a bound cluster and NS Admin on a bound namespace, Editor → NS Edit,
     * Viewer → NS View. Empty for the other roles.
     *
     * @return the role on a bound whole cluster, and the role on a bound namespace
     */
    Optional<Role[]> onBoundResources() {
        return switch (this) {
            case FOLDER_ADMIN, WORKSPACE_ADMIN -> Optional.of(new Role[] {CLUSTER_ADMIN, NS_ADMIN});
            case FOLDER_EDITOR, WORKSPACE_EDITOR -> Optional.of(new Role[] {NS_EDIT, NS_EDIT});
            case FOLDER_VIEWER, WORKSPACE_VIEWER -> Optional.of(new Role[] {NS_VIEW, NS_VIEW});
            default -> Optional.empty();
        };
    }

    /** Looks a role up by its display name ("Workspace Admin"), case-insensitively. */
    public static Optional<Role> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.displayName.equalsIgnoreCase(name.trim())).findFirst();
    }
}
