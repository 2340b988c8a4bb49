package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The object a finding is about.
 *
 * @param kind Kubernetes kind ({@code Deployment}), or {@code Cluster} for cluster-wide findings
 * @param namespace namespace, null for cluster-scoped objects
 * @param name object name
 */
public record ObjectRef(String kind, String namespace, String name) {

    /**
     * The reference of an object. A Namespace counts as inside itself, so whoever may read a namespace
     * sees the findings about it (missing quota, policy, ...).
     */
    public static ObjectRef of(HasMetadata object) {
        String name = object.getMetadata().getName();
        if ("Namespace".equals(object.getKind())) {
            return new ObjectRef("Namespace", name, name);
        }
        return new ObjectRef(object.getKind(), blankToNull(object.getMetadata().getNamespace()), name);
    }

    public static ObjectRef cluster(String name) {
        return new ObjectRef("Cluster", null, name);
    }

    /** {@code Kind/namespace/name} (namespace empty when cluster-scoped): stable across runs. */
    public String key() {
        return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
