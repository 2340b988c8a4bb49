package io.flotilla.search;

/**
 * A resource type synced from a cluster, resolved against that cluster's discovery.
 *
 * @param group API group, '' for the core group
 * @param version the version synced (the group's preferred version that serves the resource)
 * @param resource plural resource name
 * @param kind kind of its objects
 * @param namespaced whether objects live in namespaces
 */
public record IndexType(String group, String version, String resource, String kind, boolean namespaced) {

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** URL path of the collection across all namespaces, e.g. {@code /apis/apps/v1/deployments}. */
    public String path() {
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version + "/" + resource;
    }

    /** {@code pods} or {@code deployments.apps}, as Kubernetes names group-resources. */
    public String groupResource() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    boolean isSecret() {
        return group.isEmpty() && resource.equals("secrets");
    }
}
