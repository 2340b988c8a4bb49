package io.flotilla.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pure authorisation decision: roles → permissions, scope inheritance (folder → sub-folders and
 * workspaces → the clusters and namespaces bound to them). No Spring, no SQL: unit-tested alone.
 */
final class PolicyEngine {

    /** Folder nesting is at most 5 levels; a deeper walk means a cycle in corrupt data. */
    private static final int MAX_WALK = 16;
    private static final Set<String> READ = Set.of("get", "list", "watch");

    /**
     * An effective role on a scope.
     *
     * @param origin how it was obtained, e.g. "Workspace Admin on workspace dev (bound namespace c1/ns)"
     */
    record Grant(Role role, Scope scope, String origin) {}

    private final PolicyInput input;
    private final List<Grant> grants;

    PolicyEngine(PolicyInput input) {
        this.input = input;
        this.grants = expand(input);
    }

    List<Grant> grants() {
        return grants;
    }

    Decision decide(String verb, String resource, Scope target) {
        for (Grant g : grants) {
            if (covers(g.scope(), target) && g.role().allows(verb, resource)) {
                return Decision.allow(g.origin());
            }
        }
        if (READ.contains(verb) && visibleForNavigation(resource, target)) {
            return Decision.allow("holds a role inside it");
        }
        return Decision.deny("no role binding allows " + verb + " " + resource + " " + describe(target));
    }

    Listable listable(String resource, String verb) {
        Set<String> clusters = new HashSet<>();
        Map<String, Set<String>> namespaces = new HashMap<>();
        boolean registryRead = "clusters".equals(resource) && READ.contains(verb);
        for (Grant g : grants) {
            boolean allows = g.role().allows(verb, resource);
            switch (g.scope()) {
                case Scope.Platform p -> {
                    if (allows) {
                        return Listable.everything();
                    }
                }
                case Scope.Cluster c -> {
                    if (allows || registryRead) {
                        clusters.add(c.cluster());
                    }
                }
                case Scope.Namespace n -> {
                    if (registryRead) {
                        clusters.add(n.cluster());
                    } else if (allows) {
                        namespaces.computeIfAbsent(n.cluster(), k -> new HashSet<>()).add(n.namespace());
                    }
                }
                default -> { }
            }
        }
        clusters.forEach(namespaces::remove);
        return new Listable(false, clusters, namespaces);
    }

    /** Folders the principal may see; empty optional means all of them. */
    Optional<Set<UUID>> visibleFolders() {
        if (platformAllows("list", "folders")) {
            return Optional.empty();
        }
        Set<UUID> visible = new HashSet<>();
        for (UUID folder : input.folderParents().keySet()) {
            if (decide("list", "folders", new Scope.Folder(folder)).allowed()) {
                visible.add(folder);
            }
        }
        return Optional.of(visible);
    }

    /** Workspaces the principal may see; empty optional means all of them. */
    Optional<Set<UUID>> visibleWorkspaces() {
        if (platformAllows("list", "workspaces")) {
            return Optional.empty();
        }
        Set<UUID> visible = new HashSet<>();
        for (UUID ws : input.workspaceFolders().keySet()) {
            if (decide("list", "workspaces", new Scope.Workspace(ws)).allowed()) {
                visible.add(ws);
            }
        }
        return Optional.of(visible);
    }

    boolean platformAllows(String verb, String resource) {
        return grants.stream().anyMatch(g -> g.scope() instanceof Scope.Platform && g.role().allows(verb, resource));
    }

    /** Is {@code ancestor} the folder {@code folder} itself or one of its ancestors? */
    boolean isAncestorOrSelf(UUID ancestor, UUID folder) {
        UUID current = folder;
        for (int i = 0; current != null && i < MAX_WALK; i++) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = input.folderParents().get(current);
        }
        return false;
    }

    private boolean covers(Scope grant, Scope target) {
        return switch (grant) {
            case Scope.Platform p -> true;
            case Scope.Folder f -> switch (target) {
                case Scope.Folder t -> isAncestorOrSelf(f.id(), t.id());
                case Scope.Workspace w -> {
                    UUID folder = input.workspaceFolders().get(w.id());
                    yield folder != null && isAncestorOrSelf(f.id(), folder);
                }
                default -> false;
            };
            case Scope.Workspace w -> target.equals(w);
            case Scope.Cluster c -> switch (target) {
                case Scope.Cluster t -> t.cluster().equals(c.cluster());
                case Scope.Namespace t -> t.cluster().equals(c.cluster());
                default -> false;
            };
            case Scope.Namespace n -> target.equals(n);
        };
    }

    /**
     * Reading is allowed where the principal holds a role further down: a cluster in which it has a
     * namespace role is visible in the registry, and the folders above its workspaces are visible
     * for navigation.
     */
    private boolean visibleForNavigation(String resource, Scope target) {
        if ("clusters".equals(resource) && target instanceof Scope.Cluster c) {
            return grants.stream().anyMatch(g -> switch (g.scope()) {
                case Scope.Cluster gc -> gc.cluster().equals(c.cluster());
                case Scope.Namespace gn -> gn.cluster().equals(c.cluster());
                default -> false;
            });
        }
        if ("folders".equals(resource) && target instanceof Scope.Folder f) {
            return grants.stream().anyMatch(g -> switch (g.scope()) {
                case Scope.Folder gf -> isAncestorOrSelf(f.id(), gf.id());
                case Scope.Workspace gw -> {
                    UUID folder = input.workspaceFolders().get(gw.id());
                    yield folder != null && isAncestorOrSelf(f.id(), folder);
                }
                default -> false;
            });
        }
        return false;
    }

    private static List<Grant> expand(PolicyInput input) {
        List<Grant> out = new ArrayList<>();
        PolicyEngine walker = new PolicyEngine(input, List.of());
        for (PolicyInput.Binding b : input.bindings()) {
            String origin = b.role().displayName() + " " + describe(b.scope()) + viaText(b.via());
            out.add(new Grant(b.role(), b.scope(), origin));
            Optional<Role[]> mapped = b.role().onBoundResources();
            if (mapped.isEmpty()) {
                continue;
            }
            for (Map.Entry<UUID, List<PolicyInput.BoundResource>> e : input.boundResources().entrySet()) {
                UUID ws = e.getKey();
                boolean applies = switch (b.scope()) {
                    case Scope.Workspace w -> w.id().equals(ws);
                    case Scope.Folder f -> {
                        UUID folder = input.workspaceFolders().get(ws);
                        yield folder != null && walker.isAncestorOrSelf(f.id(), folder);
                    }
                    default -> false;
                };
                if (!applies) {
                    continue;
                }
                for (PolicyInput.BoundResource r : e.getValue()) {
                    Role role = r.namespace() == null ? mapped.get()[0] : mapped.get()[1];
                    Scope scope = Scope.of(r.cluster(), r.namespace());
                    out.add(new Grant(role, scope, origin + ", bound " + describe(scope)));
                }
            }
        }
        return List.copyOf(out);
    }

    private PolicyEngine(PolicyInput input, List<Grant> grants) {
        this.input = input;
        this.grants = grants;
    }

    private static String viaText(String via) {
        return via == null || "user".equals(via) ? "" : " (via " + via + ")";
    }

    static String describe(Scope scope) {
        return switch (scope) {
            case Scope.Platform p -> "on the platform";
            case Scope.Folder f -> "in folder " + f.id();
            case Scope.Workspace w -> "in workspace " + w.id();
            case Scope.Cluster c -> "in cluster " + c.cluster();
            case Scope.Namespace n -> "in namespace " + n.cluster() + "/" + n.namespace();
        };
    }
}
