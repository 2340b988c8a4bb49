package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.flotilla.cluster.ClusterService;
import io.flotilla.iam.Authorization;
import io.flotilla.iam.Listable;
import io.flotilla.iam.Scope;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.LabelSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Namespaces of a cluster with their quota usage; creation with a ResourceQuota and LimitRange
 * from a preset or custom values, all validated before anything is written.
 */
@Service
public class NamespaceService {

    static final String QUOTA_NAME = "flotilla-quota";
    static final String LIMITS_NAME = "flotilla-limits";
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** Quota presets: hard limits written into the namespace's ResourceQuota. */
    static final Map<String, Map<String, String>> PRESETS = Map.of(
            "small", Map.of("requests.cpu", "2", "requests.memory", "4Gi", "limits.cpu", "4", "limits.memory", "8Gi",
                    "pods", "20", "persistentvolumeclaims", "5"),
            "medium", Map.of("requests.cpu", "8", "requests.memory", "16Gi", "limits.cpu", "16", "limits.memory",
                    "32Gi", "pods", "100", "persistentvolumeclaims", "20"),
            "large", Map.of("requests.cpu", "32", "requests.memory", "64Gi", "limits.cpu", "64", "limits.memory",
                    "128Gi", "pods", "500", "persistentvolumeclaims", "100"));

    private final ClusterService clusters;
    private final Authorization authz;

    NamespaceService(ClusterService clusters, Authorization authz) {
        this.clusters = clusters;
        this.authz = authz;
    }

    /**
     * A namespace with its quota.
     *
     * @param quota resource → "used/hard", from the namespace's ResourceQuotas
     */
    public record NamespaceSummary(String name, String phase, Map<String, String> labels, Map<String, String> quota,
            String createdAt) {}

    /**
     * Body of namespace creation.
     *
     * @param quotaPreset small, medium or large; or null with {@code quota} for custom values; or neither for none
     * @param quota custom hard limits, e.g. {"requests.cpu": "2", "pods": "20"}
     * @param defaultLimits default container limits (LimitRange), e.g. {"cpu": "500m", "memory": "512Mi"}
     * @param defaultRequests default container requests (LimitRange)
     */
    public record NamespaceRequest(String name, Map<String, String> labels, String quotaPreset,
            Map<String, String> quota, Map<String, String> defaultLimits, Map<String, String> defaultRequests) {}

    public List<NamespaceSummary> list(String cluster) {
        KubernetesClient client = clusters.sharedClient(cluster);
        Listable visible = authz.listable(authz.current(), "namespaces", "list");
        Set<String> allowed = visible.allows(cluster, null) ? null
                : visible.namespaces().getOrDefault(cluster, Set.of());
        try {
            Map<String, List<ResourceQuota>> quotas = new TreeMap<>();
            client.resourceQuotas().inAnyNamespace().list().getItems().forEach(q ->
                    quotas.computeIfAbsent(q.getMetadata().getNamespace(), k -> new ArrayList<>()).add(q));
            return client.namespaces().list().getItems().stream()
                    .filter(n -> allowed == null || allowed.contains(n.getMetadata().getName()))
                    .map(n -> summary(n, quotas.getOrDefault(n.getMetadata().getName(), List.of())))
                    .sorted(Comparator.comparing(NamespaceSummary::name)).toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public NamespaceSummary create(String cluster, NamespaceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().length() > 63 || !DNS1123_LABEL.matcher(request.name()).matches()) {
            errors.add(new FieldError("name", "must be a DNS-1123 label (lower-case letters, digits, '-', at most 63)"));
        }
        if (request.labels() != null) {
            request.labels().forEach((k, v) -> {
                if (!LabelSelector.isValidKey(k) || !LabelSelector.isValidValue(v)) {
                    errors.add(new FieldError("labels." + k, "'" + k + "=" + v + "' is not a valid label"));
                }
            });
        }
        Map<String, String> hard = null;
        if (request.quotaPreset() != null && !request.quotaPreset().isBlank()) {
            hard = PRESETS.get(request.quotaPreset());
            if (hard == null) {
                errors.add(new FieldError("quotaPreset", "must be one of " + new TreeMap<>(PRESETS).keySet()));
            }
        } else if (request.quota() != null && !request.quota().isEmpty()) {
            hard = request.quota();
        }
        if (hard != null) {
            checkQuantities("quota", hard, errors);
        }
        checkQuantities("defaultLimits", request.defaultLimits(), errors);
        checkQuantities("defaultRequests", request.defaultRequests(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        authz.require("create", "namespaces", new Scope.Cluster(cluster), request.name());
        KubernetesClient client = clusters.sharedClient(cluster);
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(request.name())
                .withLabels(request.labels() == null ? Map.of() : request.labels()).endMetadata().build();
        try {
            if (client.namespaces().withName(request.name()).get() != null) {
                throw ApiException.conflict("namespace '" + request.name() + "' already exists in cluster '" + cluster + "'");
            }
            client.namespaces().resource(ns).create();
            try {
                if (hard != null) {
                    client.resourceQuotas().inNamespace(request.name()).resource(quota(hard)).create();
                }
                if (hasAny(request.defaultLimits()) || hasAny(request.defaultRequests())) {
                    client.limitRanges().inNamespace(request.name())
                            .resource(limits(request.defaultLimits(), request.defaultRequests())).create();
                }
            } catch (KubernetesClientException e) {
                client.namespaces().withName(request.name()).delete();
                throw e;
            }
            return summary(client.namespaces().withName(request.name()).get(),
                    client.resourceQuotas().inNamespace(request.name()).list().getItems());
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    public void delete(String cluster, String name) {
        authz.require("delete", "namespaces", new Scope.Cluster(cluster), name);
        try {
            if (clusters.sharedClient(cluster).namespaces().withName(name).delete().isEmpty()) {
                throw ApiException.notFound("namespace '" + name + "' of cluster '" + cluster + "'");
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(cluster, e);
        }
    }

    static NamespaceSummary summary(Namespace n, List<ResourceQuota> quotas) {
        Map<String, String> usage = new TreeMap<>();
        for (ResourceQuota q : quotas) {
            Map<String, Quantity> hard = q.getStatus() != null && q.getStatus().getHard() != null
                    ? q.getStatus().getHard() : q.getSpec().getHard();
            Map<String, Quantity> used = q.getStatus() == null || q.getStatus().getUsed() == null ? Map.of()
                    : q.getStatus().getUsed();
            if (hard != null) {
                hard.forEach((k, v) -> usage.put(k, (used.containsKey(k) ? used.get(k).toString() : "0") + "/" + v));
            }
        }
        return new NamespaceSummary(n.getMetadata().getName(), n.getStatus() == null ? null : n.getStatus().getPhase(),
                n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels(), usage,
                n.getMetadata().getCreationTimestamp());
    }

    private static ResourceQuota quota(Map<String, String> hard) {
        Map<String, Quantity> q = new LinkedHashMap<>();
        hard.forEach((k, v) -> q.put(k, new Quantity(v)));
        return new ResourceQuotaBuilder().withNewMetadata().withName(QUOTA_NAME).endMetadata()
                .withNewSpec().withHard(q).endSpec().build();
    }

    private static LimitRange limits(Map<String, String> defaults, Map<String, String> requests) {
        return new LimitRangeBuilder().withNewMetadata().withName(LIMITS_NAME).endMetadata().withNewSpec()
                .addNewLimit().withType("Container").withDefault(quantities(defaults))
                .withDefaultRequest(quantities(requests)).endLimit().endSpec().build();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, new Quantity(v)));
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean hasAny(Map<String, String> m) {
        return m != null && !m.isEmpty();
    }

    private static void checkQuantities(String field, Map<String, String> values, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        values.forEach((k, v) -> {
            if (!Quantities.isValid(v) || Quantities.isNegative(v)) {
                errors.add(new FieldError(field + "." + k, "'" + v + "' is not a valid non-negative quantity "
                        + "(e.g. 500m, 2, 1Gi)"));
            }
        });
    }
}
