package io.flotilla.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which resource types to sync from one cluster: the configured patterns resolved against the cluster's
 * discovery. Pure logic.
 */
public final class SyncResourceSelection {

    private SyncResourceSelection() {}

    /**
     * A configured entry: {@code pods} (core group), {@code apps/deployments}, {@code apps/*}, or {@code *}.
     *
     * @param group the group, '' for core, '*' for any
     * @param resource the plural resource, '*' for any
     */
    public record Pattern(String group, String resource) {

        boolean matches(String g, String r) {
            return (group.equals("*") || group.equals(g)) && (resource.equals("*") || resource.equals(r));
        }
    }

    /**
     * A resource as one group version of a cluster's discovery lists it.
     *
     * @param preferred whether the version is the group's preferred version
     * @param verbs the verbs the resource supports
     */
    public record Discovered(String group, String version, String resource, String kind, boolean namespaced,
            Set<String> verbs, boolean preferred) {}

    /** Parses the configured entries; throws IllegalArgumentException naming the bad entry. */
    public static List<Pattern> parse(List<String> entries) {
        List<Pattern> patterns = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            String[] parts = entry.split("/", -1);
            String group;
            String resource;
            if (parts.length == 1) {
                group = entry.equals("*") ? "*" : "";
                resource = entry;
            } else if (parts.length == 2) {
                group = parts[0];
                resource = parts[1];
            } else {
                throw invalid(raw);
            }
            if (!valid(group, true) || !valid(resource, false)) {
                throw invalid(raw);
            }
            patterns.add(new Pattern(group, resource));
        }
        return List.copyOf(patterns);
    }

    private static boolean valid(String part, boolean group) {
        if (part.equals("*")) {
            return true;
        }
        if (part.isEmpty()) {
            return group;
        }
        return part.matches(group ? "[a-z0-9]([-a-z0-9.]*[a-z0-9])?" : "[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("flotilla.search.sync-resources: '" + entry + "' is not a resource; "
                + "use 'pods' (core group), 'apps/deployments', 'apps/*' or '*'");
    }

    /** Whether some pattern could select a resource of the group (to skip fetching other groups' discovery). */
    public static boolean wantsGroup(List<Pattern> patterns, String group) {
        return patterns.stream().anyMatch(p -> p.group().equals("*") || p.group().equals(group));
    }

    /**
     * The types to sync: every listable and watchable (non-sub)resource matched by a pattern, or defined by
     * a CRD when {@code allCustomResources}, in the group's preferred version (or the first version serving
     * it when the preferred one does not), ordered as discovered.
     *
     * @param customResources group-resources ({@code widgets.example.com}) that CRDs define
     */
    public static List<IndexType> select(List<Pattern> patterns, boolean allCustomResources,
            Set<String> customResources, List<Discovered> discovered) {
        Map<String, Discovered> chosen = new LinkedHashMap<>();
        for (Discovered d : discovered) {
            if (d.resource().contains("/") || !d.verbs().contains("list") || !d.verbs().contains("watch")) {
                continue;
            }
            String key = d.resource() + "." + d.group();
            boolean custom = customResources.contains(d.group().isEmpty() ? d.resource() : key);
            boolean wanted = (allCustomResources && custom)
                    || patterns.stream().anyMatch(p -> p.matches(d.group(), d.resource()));
            if (!wanted) {
                continue;
            }
            Discovered current = chosen.get(key);
            if (current == null || (d.preferred() && !current.preferred())) {
                chosen.put(key, d);
            }
        }
        return chosen.values().stream()
                .map(d -> new IndexType(d.group(), d.version(), d.resource(), d.kind(), d.namespaced()))
                .toList();
    }
}
