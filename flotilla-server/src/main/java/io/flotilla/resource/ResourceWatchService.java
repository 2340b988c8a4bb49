package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Live changes of a kind (and of workloads of every kind) for list views: authorised exactly like
 * the corresponding list, then a fabric8 watch per namespace the caller may list (one for the whole
 * cluster when they may list it everywhere), merged into one {@link LiveWatch}.
 */
@Service
public class ResourceWatchService {

    static final long HEARTBEAT_MILLIS = 15_000;

    private final ClusterService clusters;
    private final Discovery discovery;
    private final Authorization authz;
    private final ResourceService resources;
    private final WorkloadService workloads;

    ResourceWatchService(ClusterService clusters, Discovery discovery, Authorization authz, ResourceService resources,
            WorkloadService workloads) {
        this.clusters = clusters;
        this.discovery = discovery;
        this.authz = authz;
        this.resources = resources;
        this.workloads = workloads;
    }

    /**
     * Changes of a kind in one namespace, or (namespace null) in every namespace the caller may list,
     * from {@code resourceVersion} (a list's {@code metadata.resourceVersion}; empty: from now, after an
     * ADDED event per existing object).
     */
    public LiveWatch prepare(String cluster, String typeName, String namespace, String labelSelector,
            String resourceVersion) {
        ResourceType type = discovery.resolve(cluster, typeName);
        List<String> namespaces;
        if (!type.namespaced() || namespace != null) {
            authz.require("list", type.qualifiedName(), Scope.of(cluster, type.namespaced() ? namespace : null), null);
            namespaces = java.util.Collections.singletonList(type.namespaced() ? namespace : null);
        } else {
            Listable visible = authz.listable(authz.current(), type.qualifiedName(), "list");
            namespaces = visible.allows(cluster, null) ? java.util.Collections.singletonList(null)
                    : visible.namespaces().getOrDefault(cluster, Set.of()).stream().sorted().toList();
            if (namespaces.isEmpty()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "'" + authz.current().username()
                        + "' may not list " + type.qualifiedName() + " in any namespace of cluster '" + cluster
                        + "'; ask for a role that grants it, or watch a namespace you may list");
            }
        }
        ListOptions options = options(labelSelector, resourceVersion);
        List<Function<Watcher<GenericKubernetesResource>, Watch>> openers = new ArrayList<>();
        for (String ns : namespaces) {
            openers.add(opener(cluster, type, ns, options));
        }
        return new LiveWatch(openers, o -> resources.tidy(type, o, true), HEARTBEAT_MILLIS);
    }

    /**
     * Changes of workloads (every kind, or {@code kind}) in a namespace or in every namespace the caller
     * may list them, authorised like {@link WorkloadService#list}.
     */
    public LiveWatch prepareWorkloads(String cluster, String namespace, String kindFilter) {
        List<WorkloadKind> kinds = kindFilter == null || kindFilter.isBlank() ? List.of(WorkloadKind.values())
                : List.of(WorkloadKind.of(kindFilter));
        List<Function<Watcher<GenericKubernetesResource>, Watch>> openers = new ArrayList<>();
        ListOptions options = options(null, null);
        for (WorkloadKind kind : kinds) {
            ResourceType type = discovery.resolve(cluster, kind.resource());
            for (String ns : workloads.namespaces(cluster, namespace, kind)) {
                openers.add(opener(cluster, type, ns, options));
            }
        }
        if (openers.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "'" + authz.current().username()
                    + "' may not list workloads in any namespace of cluster '" + cluster + "'");
        }
        return new LiveWatch(openers, o -> {
            o.getMetadata().setManagedFields(null);
            return o;
        }, HEARTBEAT_MILLIS);
    }

    private Function<Watcher<GenericKubernetesResource>, Watch> opener(String cluster, ResourceType type, String ns,
            ListOptions options) {
        KubernetesClient client = clusters.sharedClient(cluster);
        return watcher -> {
            try {
                var all = client.genericKubernetesResources(ResourceService.context(type));
                if (!type.namespaced()) {
                    return all.watch(options, watcher);
                }
                return ns == null ? all.inAnyNamespace().watch(options, watcher)
                        : all.inNamespace(ns).watch(options, watcher);
            } catch (KubernetesClientException e) {
                throw KubeErrors.translate(cluster, e);
            }
        };
    }

    private static ListOptions options(String labelSelector, String resourceVersion) {
        return new ListOptionsBuilder()
                .withLabelSelector(labelSelector == null || labelSelector.isBlank() ? null : labelSelector)
                .withResourceVersion(resourceVersion == null || resourceVersion.isBlank() ? null : resourceVersion)
                .withAllowWatchBookmarks(false).build();
    }
}
