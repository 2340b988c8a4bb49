package io.flotilla.iam;

import java.util.Set;

/**
 * One permission of a role: verbs on a set of resources. Platform objects are named; every other
 * resource name is a Kubernetes resource ({@code pods}, {@code deployments.apps}).
 *
 * @param match which resources the rule covers
 * @param resources the named resources (NAMED), or the excluded Kubernetes resources (KUBE)
 * @param verbs the verbs; {@code *} for all
 */
record Rule(Match match, Set<String> resources, Set<String> verbs) {

    enum Match { ANY, NAMED, KUBE }

    static final Set<String> ALL = Set.of("*");
    static final Set<String> READ = Set.of("get", "list", "watch");
    static final Set<String> CREATE_READ = Set.of("get", "list", "watch", "create");
    static final Set<String> TENANCY = Set.of("folders", "workspaces", "rolebindings", "resourcebindings", "quotas",
            "roles", "namespaces");
    static final Set<String> IAM = Set.of("users", "groups", "roles", "rolebindings", "accesskeys", "folders",
            "workspaces", "resourcebindings", "quotas");
    /** Resources that are platform objects, never Kubernetes resources. */
    static final Set<String> PLATFORM_OBJECTS = Set.of("users", "groups", "roles", "rolebindings", "accesskeys",
            "folders", "workspaces", "resourcebindings", "quotas", "clusters", "audit");
    /** Kubernetes resources NS Edit may read but not change. */
    static final Set<String> PROTECTED = Set.of("roles.rbac.authorization.k8s.io",
            "rolebindings.rbac.authorization.k8s.io", "resourcequotas", "limitranges", "namespaces");

    Rule {
        resources = Set.copyOf(resources);
        verbs = Set.copyOf(verbs);
    }

    static Rule any(Set<String> verbs) {
        return new Rule(Match.ANY, Set.of(), verbs);
    }

    static Rule named(Set<String> resources, Set<String> verbs) {
        return new Rule(Match.NAMED, resources, verbs);
    }

    static Rule kube(Set<String> verbs) {
        return new Rule(Match.KUBE, Set.of(), verbs);
    }

    static Rule kubeExcept(Set<String> verbs, Set<String> excluded) {
        return new Rule(Match.KUBE, excluded, verbs);
    }

    boolean matches(String verb, String resource) {
        if (!verbs.contains("*") && !verbs.contains(verb)) {
            return false;
        }
        return switch (match) {
            case ANY -> true;
            case NAMED -> resources.contains(resource);
            case KUBE -> isKube(resource) && !resources.contains(resource);
        };
    }

    /** Kubernetes resources are everything that is not a platform object ("namespaces" is both). */
    static boolean isKube(String resource) {
        return !PLATFORM_OBJECTS.contains(resource);
    }
}
