package io.flotilla.search;

import io.flotilla.platform.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Clusterpedia's collection resources: several types searched and paged as one list.
 * {@code workloads} (deployments, daemonsets, statefulsets), {@code kuberesources} (every built-in
 * Kubernetes type) and {@code any} (the types given by {@code groups} and {@code resources}). Pure.
 */
final class PediaCollections {

    static final List<String> NAMES = List.of("any", "workloads", "kuberesources");

    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
            "extensions");

    private PediaCollections() {}

    /** The types of collection {@code name} among the served ones; 404 for an unknown collection. */
    static List<SearchType> types(String name, List<SearchType> served, Map<String, List<String>> params) {
        return switch (name) {
            case "workloads" -> served.stream().filter(t -> t.group().equals("apps")
                    && Set.of("deployments", "daemonsets", "statefulsets").contains(t.resource())).toList();
            case "kuberesources" -> served.stream().filter(PediaCollections::builtIn).toList();
            case "any" -> any(served, params);
            default -> throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "collectionresources \"" + name
                    + "\" not found; the collection resources are " + String.join(", ", NAMES));
        };
    }

    static boolean builtIn(SearchType t) {
        return BUILT_IN_GROUPS.contains(t.group()) || t.group().endsWith(".k8s.io");
    }

    /** {@code groups=apps,batch/v1} and {@code resources=apps/deployments,batch/v1/jobs,pods}. */
    private static List<SearchType> any(List<SearchType> served, Map<String, List<String>> params) {
        Set<SearchType> out = new LinkedHashSet<>();
        for (String g : values(params, "groups")) {
            String[] parts = g.split("/");
            String group = "core".equals(parts[0]) ? "" : parts[0];
            List<SearchType> match = served.stream().filter(t -> t.group().equals(group)
                    && (parts.length < 2 || t.version().equals(parts[1]))).toList();
            if (match.isEmpty()) {
                throw ApiException.badRequest("groups", "'" + SearchParams.abbreviate(g) + "' is not a served group");
            }
            out.addAll(match);
        }
        for (String r : values(params, "resources")) {
            String[] parts = r.split("/");
            String group = parts.length == 1 ? "" : "core".equals(parts[0]) ? "" : parts[0];
            String version = parts.length == 3 ? parts[1] : null;
            String resource = parts[parts.length - 1];
            List<SearchType> match = served.stream().filter(t -> t.group().equals(group)
                    && t.resource().equals(resource) && (version == null || t.version().equals(version))).toList();
            if (match.isEmpty() || parts.length > 3) {
                throw ApiException.badRequest("resources", "'" + SearchParams.abbreviate(r)
                        + "' is not a served resource; write group/resource (apps/deployments), "
                        + "group/version/resource or a core resource (pods)");
            }
            out.addAll(match);
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest("groups", "collection 'any' needs groups=... and/or resources=..., "
                    + "e.g. ?groups=apps&resources=batch/jobs,pods");
        }
        return List.copyOf(out);
    }

    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
