package io.flotilla.inspection.checks;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes versions and the API versions removed in them. Pure data and parsing. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(.*)");

    /**
     * API versions by the Kubernetes minor (1.x) that stopped serving them, from the Kubernetes
     * deprecated API migration guide. Keys are {@code group/version} or {@code group/version/Kind}.
     */
    static final Map<String, Integer> REMOVED_IN = Map.ofEntries(
            Map.entry("extensions/v1beta1", 16), Map.entry("extensions/v1beta1/Ingress", 22),
            Map.entry("apps/v1beta1", 16), Map.entry("apps/v1beta2", 16),
            Map.entry("networking.k8s.io/v1beta1", 22), Map.entry("rbac.authorization.k8s.io/v1beta1", 22),
            Map.entry("admissionregistration.k8s.io/v1beta1", 22), Map.entry("apiextensions.k8s.io/v1beta1", 22),
            Map.entry("apiregistration.k8s.io/v1beta1", 22), Map.entry("certificates.k8s.io/v1beta1", 22),
            Map.entry("coordination.k8s.io/v1beta1", 22), Map.entry("scheduling.k8s.io/v1beta1", 22),
            Map.entry("storage.k8s.io/v1beta1", 22), Map.entry("storage.k8s.io/v1beta1/CSIStorageCapacity", 27),
            Map.entry("authentication.k8s.io/v1beta1", 22), Map.entry("authorization.k8s.io/v1beta1", 22),
            Map.entry("batch/v1beta1", 25), Map.entry("policy/v1beta1", 25), Map.entry("autoscaling/v2beta1", 25),
            Map.entry("discovery.k8s.io/v1beta1", 25), Map.entry("events.k8s.io/v1beta1", 25),
            Map.entry("node.k8s.io/v1beta1", 25), Map.entry("autoscaling/v2beta2", 26),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta1", 26), Map.entry("flowcontrol.apiserver.k8s.io/v1beta2", 29),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta3", 32), Map.entry("resource.k8s.io/v1alpha2", 31));

    /** End of upstream patch support per minor (approximate month, from the Kubernetes release history). */
    static final Map<Integer, String> END_OF_LIFE = Map.ofEntries(
            Map.entry(24, "2023-07-28"), Map.entry(25, "2023-10-28"), Map.entry(26, "2024-02-28"),
            Map.entry(27, "2024-06-28"), Map.entry(28, "2024-10-28"), Map.entry(29, "2025-02-28"),
            Map.entry(30, "2025-06-28"), Map.entry(31, "2025-10-28"), Map.entry(32, "2026-02-28"),
            Map.entry(33, "2026-06-28"), Map.entry(34, "2026-10-27"), Map.entry(35, "2027-02-28"));

    private Versions() {}

    /** The minor version of {@code v1.32.3}-style text; -1 when not parseable or major is not 1. */
    static int minor(String version) {
        if (version == null) {
            return -1;
        }
        Matcher m = VERSION.matcher(version.trim());
        if (!m.matches() || !"1".equals(m.group(1))) {
            return -1;
        }
        return Integer.parseInt(m.group(2));
    }

    /** True for alpha, beta and release-candidate builds ({@code v1.33.0-rc.1}). */
    static boolean prerelease(String version) {
        Matcher m = version == null ? null : VERSION.matcher(version.trim());
        if (m == null || !m.matches()) {
            return false;
        }
        String rest = m.group(4);
        return rest.matches("-(alpha|beta|rc)\\b.*");
    }

    /** The minor that removed {@code apiVersion} (for {@code kind}), or null when it is still served. */
    static Integer removedIn(String apiVersion, String kind) {
        if (apiVersion == null) {
            return null;
        }
        Integer specific = REMOVED_IN.get(apiVersion + "/" + kind);
        return specific != null ? specific : REMOVED_IN.get(apiVersion);
    }
}
