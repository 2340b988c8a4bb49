package io.flotilla.resource;

import java.util.List;
import java.util.Locale;

/**
 * A kind a cluster serves, from its discovery documents.
 *
 * @param group API group, "" for the core group
 * @param plural resource name in URLs, e.g. {@code deployments}
 * @param namespaced true for namespaced kinds
 * @param shortNames kubectl short names, e.g. {@code deploy}
 */
public record ResourceType(String group, String version, String plural, String kind, boolean namespaced,
        List<String> verbs, List<String> shortNames) {

    public ResourceType {
        verbs = List.copyOf(verbs);
        shortNames = List.copyOf(shortNames);
    }

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name used for authorisation and in URLs: {@code pods}, {@code deployments.apps}. */
    public String qualifiedName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** True when {@code name} (plural, plural.group, kind or short name, any case) names this type. */
    public boolean answersTo(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals(plural) || n.equals(qualifiedName()) || n.equals(kind.toLowerCase(Locale.ROOT))
                || shortNames.contains(n);
    }
}
