package io.flotilla.search;

import java.util.List;
import java.util.Locale;

/**
 * A resource type the search API serves: a built-in Kubernetes kind or one found in the index.
 *
 * @param group API group, "" for the core group
 * @param version the version objects are served in (the one they were synced in)
 * @param resource plural name in URLs, e.g. {@code deployments}
 * @param namespaced true for namespaced kinds
 * @param shortNames kubectl short names, e.g. {@code deploy}
 * @param categories discovery categories, e.g. {@code all}
 */
public record SearchType(String group, String version, String resource, String kind, boolean namespaced,
        List<String> shortNames, List<String> categories) {

    public SearchType {
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name used for authorisation: {@code pods}, {@code deployments.apps}. */
    public String qualifiedName() {
        return group.isEmpty() ? resource : resource + "." + group;
    }

    public String singular() {
        return kind.toLowerCase(Locale.ROOT);
    }

    public String listKind() {
        return kind + "List";
    }

    /** True when {@code name} (plural, plural.group, kind, singular or short name, any case) names this type. */
    public boolean answersTo(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals(resource) || n.equals(qualifiedName()) || n.equals(singular()) || shortNames.contains(n);
    }
}
