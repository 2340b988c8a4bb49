package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Any kind a cluster serves (CRDs included): list, get, replace with optimistic concurrency,
 * delete with a propagation policy. Every call is authorised for the kind and namespace first.
 */
@Service
public class ResourceService {

    static final String SECRETS = "secrets";
    static final String MASK = "";

    private final ClusterService clusters;
    private final Discovery discovery;
    private final Authorization authz;
    private final KubernetesSerialization json;

    private final IndexedLists indexed;

    ResourceService(ClusterService clusters, Discovery discovery, Authorization authz, KubernetesSerialization json,
            IndexedLists indexed) {
        this.clusters = clusters;
        this.discovery = discovery;
        this.authz = authz;
        this.json = json;
        this.indexed = indexed;
    }

    /** The kinds a cluster serves, for the console's generic browser. */
    public List<ResourceType> types(String cluster) {
        authz.requireVisible("get", "clusters", new Scope.Cluster(cluster), cluster, "cluster '" + cluster + "'");
        return discovery.types(cluster);
    }

    /**
     * Lists objects of a kind, in one namespace or (namespace null) in all the caller may list.
     * Secret values are never included in lists.
     */
    public GenericKubernetesResourceList list(String cluster, String typeName, String namespace, String labelSelector,
            String fieldSelector, Integer limit, String continueToken) {
        return list(cluster, typeName, namespace, labelSelector, fieldSelector, limit, continueToken, null, null)
                .objects(json);
    }

    /**
     * A list page and where it was read: parsed objects (read from the cluster) or the UTF-8 JSON of the list
     * (read from the index, where objects are stored as text and copied, never parsed).
     *
     * @param list the list, when read from the cluster
     * @param json the list as UTF-8 JSON, when read from the index (not to be modified: it is the response body)
     * @param source {@code index} or {@code cluster}
     * @param reason why the cluster was read, null when the index was
     */
    public record ListPage(GenericKubernetesResourceList list, byte[] json, String source, String reason) {

        /** The list as objects (parsing the JSON of an index page). */
        public GenericKubernetesResourceList objects(KubernetesSerialization serialization) {
            return list != null ? list
                    : serialization.unmarshal(new ByteArrayInputStream(json), GenericKubernetesResourceList.class);
        }
    }

    /**
     * Lists objects like {@link #list(String, String, String, String, String, Integer, String)}; paged lists
     * come from the search index when it is current for the kind ({@link ListSource}), unless {@code source}
     * says {@code cluster}. {@code nameContains} keeps objects whose name contains it (case-insensitive): searched
     * over the whole list in the index, or filtered out of the page the cluster answered.
     */
    public ListPage list(String cluster, String typeName, String namespace, String labelSelector,
            String fieldSelector, Integer limit, String continueToken, String source, String nameContains) {
        ResourceType type = discovery.resolve(cluster, typeName);
        if (limit != null && (limit < 1 || limit > 5000)) {
            throw ApiException.badRequest("limit", "must be between 1 and 5000");
        }
        ListSource.Mode mode = ListSource.mode(source);
        boolean mayUseIndex = mode != ListSource.Mode.CLUSTER && limit != null;
        var status = mayUseIndex || (continueToken != null && continueToken.startsWith(ListSource.INDEX_TOKEN))
                ? indexed.status(cluster) : null;
        ListSource from = ListSource.choose(mode, type, limit, continueToken, status);
        if (from.fromIndex()) {
            if (type.namespaced() && namespace != null) {
                authz.require("list", type.qualifiedName(), Scope.of(cluster, namespace), null);
            } else if (!type.namespaced()) {
                authz.require("list", type.qualifiedName(), Scope.of(cluster, null), null);
            }
            return new ListPage(null, indexed.page(cluster, type, type.namespaced() ? namespace : null, labelSelector,
                    fieldSelector, limit == null ? 500 : limit, continueToken, status, nameContains), "index", null);
        }
        GenericKubernetesResourceList page = clusterList(cluster, type, namespace, labelSelector, fieldSelector, limit,
                continueToken);
        if (nameContains != null && !nameContains.isBlank()) {
            String part = nameContains.strip().toLowerCase(java.util.Locale.ROOT);
            page.setItems(page.getItems().stream().filter(o -> o.getMetadata() != null && o.getMetadata().getName() != null
                    && o.getMetadata().getName().toLowerCase(java.util.Locale.ROOT).contains(part)).toList());
        }
        return new ListPage(page, null, "cluster", from.reason());
    }

    private GenericKubernetesResourceList clusterList(String cluster, ResourceType type, String namespace,
            String labelSelector, String fieldSelector, Integer limit, String continueToken) {
        ListOptionsBuilder options = new ListOptionsBuilder().withLabelSelector(blankToNull(labelSelector))
                .withFieldSelector(blankToNull(fieldSelector)).withContinue(blankToNull(continueToken));
        if (limit != null) {
            options.withLimit(limit.longValue());
        }
        KubernetesClient client = clusters.sharedClient(cluster);
        GenericKubernetesResourceList result;
        try {
            if (!type.namespaced() || namespace != null) {
                authz.require("list", type.qualifiedName(), Scope.of(cluster, type.namespaced() ? namespace : null), null);
                result = type.namespaced()
                        ? client.genericKubernetesResources(context(type)).inNamespace(namespace).list(options.build())
                        : client.genericKubernetesResources(context(type)).list(options.build());
            } else {
                result = listVisibleNamespaces(client, cluster, type, options);
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        result.getItems().forEach(o -> tidy(type, o, true));
        return result;
    }

    public GenericKubernetesResource get(String cluster, String typeName, String namespace, String name) {
        ResourceType type = discovery.resolve(cluster, typeName);
        String ns = namespaceFor(type, namespace);
        authz.require("get", type.qualifiedName(), Scope.of(cluster, ns), name);
        GenericKubernetesResource found;
        try {
            found = op(cluster, type, ns).withName(name).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
        if (found == null) {
            throw ApiException.notFound(type.kind() + " '" + name + "'" + (ns == null ? "" : " in namespace '" + ns + "'")
                    + " of cluster '" + cluster + "'");
        }
        return tidy(type, found, false);
    }

    /** Replaces an object; a stale {@code metadata.resourceVersion} answers 409 from the cluster. */
    public GenericKubernetesResource replace(String cluster, String typeName, String namespace, String name,
            GenericKubernetesResource body) {
        ResourceType type = discovery.resolve(cluster, typeName);
        String ns = namespaceFor(type, namespace);
        checkBody(type, ns, name, body);
        authz.require("update", type.qualifiedName(), Scope.of(cluster, ns), name);
        try {
            return tidy(type, op(cluster, type, ns).resource(body).update(), false);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public GenericKubernetesResource create(String cluster, String typeName, String namespace,
            GenericKubernetesResource body) {
        ResourceType type = discovery.resolve(cluster, typeName);
        String ns = namespaceFor(type, namespace);
        String name = body.getMetadata() == null ? null : body.getMetadata().getName();
        checkBody(type, ns, name, body);
        authz.require("create", type.qualifiedName(), Scope.of(cluster, ns), name);
        try {
            return tidy(type, op(cluster, type, ns).resource(body).create(), false);
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public void delete(String cluster, String typeName, String namespace, String name, String propagationPolicy) {
        ResourceType type = discovery.resolve(cluster, typeName);
        String ns = namespaceFor(type, namespace);
        DeletionPropagation propagation = propagation(propagationPolicy);
        authz.require("delete", type.qualifiedName(), Scope.of(cluster, ns), name);
        try {
            var deleted = op(cluster, type, ns).withName(name).withPropagationPolicy(propagation).delete();
            if (deleted.isEmpty()) {
                throw ApiException.notFound(type.kind() + " '" + name + "' of cluster '" + cluster + "'");
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    /** The object without server bookkeeping (managedFields) and, in lists, without secret values. */
    GenericKubernetesResource tidy(ResourceType type, GenericKubernetesResource o, boolean inList) {
        if (o.getMetadata() != null) {
            o.getMetadata().setManagedFields(null);
        }
        if (inList && SECRETS.equals(type.qualifiedName())) {
            Map<String, Object> extra = o.getAdditionalProperties();
            for (String field : List.of("data", "stringData")) {
                if (extra.get(field) instanceof Map<?, ?> values) {
                    Map<String, Object> masked = new LinkedHashMap<>();
                    values.keySet().forEach(k -> masked.put(String.valueOf(k), MASK));
                    extra.put(field, masked);
                }
            }
        }
        return o;
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            op(String cluster, ResourceType type, String namespace) {
        var all = clusters.sharedClient(cluster).genericKubernetesResources(context(type));
        return type.namespaced() ? all.inNamespace(namespace) : all;
    }

    static ResourceDefinitionContext context(ResourceType type) {
        return new ResourceDefinitionContext.Builder().withGroup(type.group()).withVersion(type.version())
                .withPlural(type.plural()).withKind(type.kind()).withNamespaced(type.namespaced()).build();
    }

    KubernetesSerialization serialization() {
        return json;
    }

    private GenericKubernetesResourceList listVisibleNamespaces(KubernetesClient client, String cluster,
            ResourceType type, ListOptionsBuilder options) {
        Listable visible = authz.listable(authz.current(), type.qualifiedName(), "list");
        if (visible.allows(cluster, null)) {
            return client.genericKubernetesResources(context(type)).inAnyNamespace().list(options.build());
        }
        Set<String> namespaces = visible.namespaces().getOrDefault(cluster, Set.of());
        List<GenericKubernetesResource> items = new ArrayList<>();
        for (String ns : namespaces.stream().sorted().toList()) {
            items.addAll(client.genericKubernetesResources(context(type)).inNamespace(ns)
                    .list(options.withContinue(null).withLimit(null).build()).getItems());
        }
        GenericKubernetesResourceList merged = new GenericKubernetesResourceList();
        merged.setItems(items);
        merged.setMetadata(new ListMetaBuilder().build());
        return merged;
    }

    private static String namespaceFor(ResourceType type, String namespace) {
        if (type.namespaced() && (namespace == null || namespace.isBlank())) {
            throw ApiException.badRequest("namespace", type.kind() + " is namespaced: give a namespace");
        }
        return type.namespaced() ? namespace : null;
    }

    private static void checkBody(ResourceType type, String ns, String name, GenericKubernetesResource body) {
        if (body.getMetadata() == null || name == null || name.isBlank()) {
            throw ApiException.badRequest("metadata.name", "is required");
        }
        if (!Documents.isValidName(name)) {
            throw ApiException.badRequest("metadata.name", "'" + name + "' is not a valid name (DNS-1123 subdomain)");
        }
        if (!name.equals(body.getMetadata().getName())) {
            throw ApiException.badRequest("metadata.name", "'" + body.getMetadata().getName()
                    + "' does not match the name in the URL ('" + name + "')");
        }
        if (body.getKind() != null && !body.getKind().equals(type.kind())) {
            throw ApiException.badRequest("kind", "is '" + body.getKind() + "' but the URL names " + type.kind());
        }
        if (ns != null && body.getMetadata().getNamespace() != null && !ns.equals(body.getMetadata().getNamespace())) {
            throw ApiException.badRequest("metadata.namespace", "'" + body.getMetadata().getNamespace()
                    + "' does not match the namespace in the URL ('" + ns + "')");
        }
        body.setApiVersion(type.apiVersion());
        body.setKind(type.kind());
        if (ns != null) {
            body.getMetadata().setNamespace(ns);
        }
    }

    private static DeletionPropagation propagation(String policy) {
        if (policy == null || policy.isBlank()) {
            return DeletionPropagation.BACKGROUND;
        }
        for (DeletionPropagation p : DeletionPropagation.values()) {
            if (p.toString().equalsIgnoreCase(policy)) {
                return p;
            }
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                "propagationPolicy must be Foreground, Background or Orphan");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
