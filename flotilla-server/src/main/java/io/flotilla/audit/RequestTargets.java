package io.flotilla.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives an audit action and target from a REST path, the same way for every module:
 * {@code /api/v1/clusters/c1/namespaces/ns/deployments.apps/web} → deployments.apps "web" in c1/ns.
 * Pure functions.
 */
final class RequestTargets {

    /** Action and target of a request. */
    record Derived(String action, AuditTarget target) {}

    /** Path segments after a name that are collections, not actions (a trailing one means "create"). */
    private static final Set<String> COLLECTIONS = Set.of("namespaces", "resourcebindings", "quotas", "members",
            "accesskeys", "folders", "workspaces", "users", "groups", "rolebindings", "runs", "acknowledgements");
    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("clusters", "cluster"), Map.entry("cluster-verifications", "cluster"),
            Map.entry("users", "iam"), Map.entry("groups", "iam"), Map.entry("folders", "iam"),
            Map.entry("workspaces", "iam"), Map.entry("roles", "iam"), Map.entry("rolebindings", "iam"),
            Map.entry("accesskeys", "iam"), Map.entry("me", "iam"), Map.entry("login", "iam"),
            Map.entry("logout", "iam"), Map.entry("audit", "audit"), Map.entry("inspections", "inspection"));

    private RequestTargets() {}

    static Derived derive(String method, String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length()) : path.replaceFirst("^/", "");
        List<String> segs = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                segs.add(s);
            }
        }
        if (segs.isEmpty()) {
            return new Derived(verb(method), new AuditTarget(null, null, null, null, null));
        }
        String module = MODULES.getOrDefault(segs.getFirst(), segs.getFirst());
        if ("me".equals(segs.getFirst())) {
            segs.addFirst("users");
        }
        if ("inspections".equals(segs.getFirst()) && segs.size() > 1) {
            // /inspections/clusters/c1/config: the target is the cluster's inspection config, runs or acknowledgements
            segs.removeFirst();
        }
        String cluster = null;
        String namespace = null;
        String kind = null;
        String name = null;
        String action = null;
        int i = 0;
        while (i < segs.size()) {
            String collection = segs.get(i);
            String item = i + 1 < segs.size() ? segs.get(i + 1) : null;
            boolean afterName = kind != null && name != null;
            if (afterName && item == null && !COLLECTIONS.contains(collection) && "POST".equals(method)) {
                action = kind + "." + collection;
                break;
            }
            if ("clusters".equals(collection) && item != null && i + 2 < segs.size()) {
                cluster = item;
            } else if ("namespaces".equals(collection) && item != null && cluster != null && i + 2 < segs.size()) {
                namespace = item;
            }
            kind = collection;
            name = item;
            i += 2;
        }
        if (action == null) {
            action = kind + "." + (name == null && "POST".equals(method) ? "create" : verb(method));
        }
        return new Derived(action, new AuditTarget(module, cluster, namespace, kind, name));
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "PUT", "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }
}
