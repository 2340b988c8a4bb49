package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.platform.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The kinds each cluster serves (core and every group's preferred version, CRDs included), cached
 * for a few minutes and refreshed when a name is not found (a CRD may just have been created).
 */
@Component
public class Discovery {

    private static final Duration TTL = Duration.ofMinutes(5);

    private record Cached(List<ResourceType> types, Instant at) {}

    private final ClusterService clusters;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Discovery(ClusterService clusters, Clock clock) {
        this.clusters = clusters;
        this.clock = clock;
    }

    public List<ResourceType> types(String cluster) {
        Cached c = cache.get(cluster);
        if (c == null || c.at().plus(TTL).isBefore(clock.instant())) {
            c = new Cached(load(cluster), clock.instant());
            cache.put(cluster, c);
        }
        return c.types();
    }

    /** Resolves {@code pods}, {@code deployments.apps}, {@code Deployment} or {@code deploy}; 404 when unknown. */
    public ResourceType resolve(String cluster, String name) {
        ResourceType found = find(types(cluster), name);
        if (found == null) {
            cache.remove(cluster);
            found = find(types(cluster), name);
        }
        if (found == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Unknown resource type", "cluster '" + cluster
                    + "' serves no resource type '" + name + "'; GET /api/v1/clusters/" + cluster
                    + "/api-resources lists the ones it serves");
        }
        return found;
    }

    /** Resolves by apiVersion and kind (for documents being applied); null when unknown. */
    public ResourceType byKind(String cluster, String apiVersion, String kind) {
        ResourceType found = findKind(types(cluster), apiVersion, kind);
        if (found == null) {
            cache.remove(cluster);
            found = findKind(types(cluster), apiVersion, kind);
        }
        return found;
    }

    private static ResourceType find(List<ResourceType> types, String name) {
        ResourceType qualified = types.stream().filter(t -> t.qualifiedName().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
        if (qualified != null) {
            return qualified;
        }
        List<ResourceType> matches = types.stream().filter(t -> t.answersTo(name)).toList();
        if (matches.size() > 1) {
            // prefer the core group, then the first group in discovery order (kubectl's rule)
            return matches.stream().filter(t -> t.group().isEmpty()).findFirst().orElse(matches.getFirst());
        }
        return matches.isEmpty() ? null : matches.getFirst();
    }

    private static ResourceType findKind(List<ResourceType> types, String apiVersion, String kind) {
        return types.stream().filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind)).findFirst()
                .orElse(null);
    }

    private List<ResourceType> load(String cluster) {
        KubernetesClient client = clusters.sharedClient(cluster);
        List<ResourceType> out = new ArrayList<>();
        try {
            add(out, "", "v1", client.getApiResources("v1"));
            for (APIGroup group : client.getApiGroups().getGroups()) {
                String version = group.getPreferredVersion() != null
                        ? group.getPreferredVersion().getVersion()
                        : group.getVersions().getFirst().getVersion();
                add(out, group.getName(), version, client.getApiResources(group.getName() + "/" + version));
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        return List.copyOf(out);
    }

    private static void add(List<ResourceType> out, String group, String version, APIResourceList list) {
        if (list == null || list.getResources() == null) {
            return;
        }
        for (APIResource r : list.getResources()) {
            if (r.getName().contains("/")) {
                continue;
            }
            out.add(new ResourceType(group, version, r.getName(), r.getKind(), Boolean.TRUE.equals(r.getNamespaced()),
                    r.getVerbs() == null ? List.of() : r.getVerbs(),
                    r.getShortNames() == null ? List.of() : r.getShortNames()));
        }
    }
}
