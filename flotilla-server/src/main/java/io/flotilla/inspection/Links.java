package io.flotilla.inspection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.flotilla.inspection.checks.Snapshot;
import java.util.HashMap;
import java.util.Map;

/** Platform API paths of the objects findings are about, so reports can link to them. Pure. */
final class Links {

    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        for (Class<? extends HasMetadata> kind : Snapshot.KINDS) {
            String group = HasMetadata.getGroup(kind);
            TYPES.put(HasMetadata.getKind(kind), HasMetadata.getPlural(kind) + (group == null || group.isEmpty() ? "" : "." + group));
        }
    }

    private Links() {}

    /** {@code /api/v1/clusters/c/namespaces/ns/resources/deployments.apps/web}; null for cluster-wide findings. */
    static String of(String cluster, String kind, String namespace, String name) {
        String type = TYPES.get(kind);
        if (type == null) {
            return null;
        }
        boolean clusterScoped = namespace == null || "Namespace".equals(kind);
        return "/api/v1/clusters/" + cluster + (clusterScoped ? "" : "/namespaces/" + namespace) + "/resources/" + type
                + "/" + name;
    }
}
