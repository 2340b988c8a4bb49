package io.flotilla.iam;

/**
 * The one authorisation service of the platform. Every module asks it; nothing re-implements it.
 * Deny by default: without a role binding that grants it, nothing is allowed.
 *
 * <p>Resources are named like Kubernetes resources ({@code pods}, {@code deployments.apps}) or
 * platform objects ({@code clusters}, {@code users}, {@code groups}, {@code folders},
 * {@code workspaces}, {@code rolebindings}, {@code resourcebindings}, {@code quotas},
 * {@code accesskeys}, {@code audit}). Verbs are {@code get, list, watch, create, update, patch,
 * delete}.
 */
public interface Authorization {

    /** May {@code actor} do {@code verb} on {@code resource} (optionally the one named) in {@code scope}? */
    Decision decide(Actor actor, String verb, String resource, Scope scope, String name);

    /** The Kubernetes form: cluster and namespace may be null (platform, cluster-wide). */
    default Decision decide(Actor actor, String verb, String resource, String cluster, String namespace,
            String name) {
        return decide(actor, verb, resource, Scope.of(cluster, namespace), name);
    }

    /** Where may {@code actor} do {@code verb} (usually list) on {@code resource}? */
    Listable listable(Actor actor, String resource, String verb);

    /** The caller of the current request; 401 problem when there is none. */
    Actor current();

    /** Throws a 403 problem unless the current caller may do it. */
    void require(String verb, String resource, Scope scope, String name);

    /**
     * Like {@link #require} for reads of a named object: answers 404 (as if it did not exist) when
     * the caller may not see it, so names do not leak across tenants.
     */
    void requireVisible(String verb, String resource, Scope scope, String name, String what);
}
