package io.flotilla.iam;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the pure policy needs about one principal, loaded from the database by
 * {@link PolicyLoader}: its role bindings (own and through groups), the folder tree, and the
 * clusters and namespaces bound to workspaces.
 *
 * @param bindings the principal's role bindings
 * @param folderParents folder id → parent folder id (absent or null for top-level folders)
 * @param workspaceFolders workspace id → folder id (null for top-level workspaces)
 * @param boundResources workspace id → clusters and namespaces bound to it
 */
record PolicyInput(List<Binding> bindings, Map<UUID, UUID> folderParents, Map<UUID, UUID> workspaceFolders,
        Map<UUID, List<BoundResource>> boundResources) {

    /** Read-only copies: one input is shared by the requests of a principal while it is cached. */
    PolicyInput {
        bindings = List.copyOf(bindings);
        folderParents = Collections.unmodifiableMap(new HashMap<>(folderParents));
        workspaceFolders = Collections.unmodifiableMap(new HashMap<>(workspaceFolders));
        Map<UUID, List<BoundResource>> copy = new HashMap<>();
        boundResources.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        boundResources = Collections.unmodifiableMap(copy);
    }

    /**
     * A role held on a scope.
     *
     * @param via how the principal holds it: "user" or "group NAME"
     */
    record Binding(Role role, Scope scope, String via) {}

    /** A cluster (namespace null) or a cluster namespace bound to a workspace. */
    record BoundResource(String cluster, String namespace) {}

    static PolicyInput of(List<Binding> bindings) {
        return new PolicyInput(bindings, Map.of(), Map.of(), Map.of());
    }
}
