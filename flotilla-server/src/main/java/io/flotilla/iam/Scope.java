package io.flotilla.iam;

import java.util.UUID;

/**
 * Where a permission applies: the whole platform, a folder (and everything below it), a workspace,
 * a member cluster, or one namespace of a member cluster.
 */
public sealed interface Scope {

    /** The whole platform. */
    record Platform() implements Scope {}

    /** A folder and everything below it. */
    record Folder(UUID id) implements Scope {}

    /** A workspace. */
    record Workspace(UUID id) implements Scope {}

    /** A member cluster (and all its namespaces). */
    record Cluster(String cluster) implements Scope {}

    /** One namespace of a member cluster. */
    record Namespace(String cluster, String namespace) implements Scope {}

    Platform PLATFORM = new Platform();

    /** The scope of a Kubernetes object: platform when no cluster, else cluster or namespace. */
    static Scope of(String cluster, String namespace) {
        if (cluster == null || cluster.isBlank()) {
            return PLATFORM;
        }
        return namespace == null || namespace.isBlank() ? new Cluster(cluster) : new Namespace(cluster, namespace);
    }

    /** The kind as written in role bindings: platform, folder, workspace, cluster or namespace. */
    default String kind() {
        return switch (this) {
            case Platform p -> "platform";
            case Folder f -> "folder";
            case Workspace w -> "workspace";
            case Cluster c -> "cluster";
            case Namespace n -> "namespace";
        };
    }
}
