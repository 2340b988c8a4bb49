package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run inspects, read once: the objects of one cluster plus what the API server says
 * about itself. Immutable; checks never see I/O.
 *
 * @param cluster the cluster's name in Flotilla
 * @param now the instant the snapshot was taken; checks compare ages against it
 * @param gitVersion the API server's {@code /version} gitVersion, null when not readable
 * @param readyz the text of {@code /readyz?verbose}, null when not readable
 * @param apiVersions group versions the API server serves ({@code apps/v1}), empty when unknown
 * @param objects the objects by model class; kinds not listed are empty
 */
public record Snapshot(String cluster, Instant now, String gitVersion, String readyz, List<String> apiVersions,
        Map<Class<? extends HasMetadata>, List<? extends HasMetadata>> objects) {

    /** Every kind a snapshot holds, in the order a snapshot source lists them. */
    public static final List<Class<? extends HasMetadata>> KINDS = List.of(Node.class, Namespace.class, Pod.class,
            Deployment.class, ReplicaSet.class, StatefulSet.class, DaemonSet.class, Job.class, CronJob.class,
            Service.class, Endpoints.class, Ingress.class, IngressClass.class, NetworkPolicy.class,
            PersistentVolumeClaim.class, PersistentVolume.class, StorageClass.class, ConfigMap.class, Secret.class,
            ServiceAccount.class, Role.class, ClusterRole.class, RoleBinding.class, ClusterRoleBinding.class,
            ResourceQuota.class, LimitRange.class, PodDisruptionBudget.class, HorizontalPodAutoscaler.class,
            ValidatingWebhookConfiguration.class, MutatingWebhookConfiguration.class,
            CertificateSigningRequest.class, PriorityClass.class);

    public Snapshot {
        apiVersions = apiVersions == null ? List.of() : List.copyOf(apiVersions);
        Map<Class<? extends HasMetadata>, List<? extends HasMetadata>> copy = new LinkedHashMap<>();
        objects.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        objects = Map.copyOf(copy);
    }

    /** The objects of one kind (empty when none were read). */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return (List<T>) objects.getOrDefault(kind, List.of());
    }

    /** Number of objects in the snapshot. */
    public int size() {
        return objects.values().stream().mapToInt(List::size).sum();
    }

    public static Builder builder(String cluster, Instant now) {
        return new Builder(cluster, now);
    }

    /** Collects objects for a snapshot (sources and tests); not thread-safe. */
    public static final class Builder {
        private final String cluster;
        private final Instant now;
        private String gitVersion;
        private String readyz;
        private List<String> apiVersions = List.of();
        private final Map<Class<? extends HasMetadata>, List<HasMetadata>> objects = new LinkedHashMap<>();

        private Builder(String cluster, Instant now) {
            this.cluster = cluster;
            this.now = now;
        }

        public Builder gitVersion(String v) {
            this.gitVersion = v;
            return this;
        }

        public Builder readyz(String text) {
            this.readyz = text;
            return this;
        }

        public Builder apiVersions(List<String> versions) {
            this.apiVersions = List.copyOf(versions);
            return this;
        }

        /** Adds objects; each goes to the list of its own class. */
        public Builder add(HasMetadata... items) {
            for (HasMetadata item : items) {
                objects.computeIfAbsent(item.getClass(), k -> new ArrayList<>()).add(item);
            }
            return this;
        }

        public Builder addAll(Class<? extends HasMetadata> kind, List<? extends HasMetadata> items) {
            objects.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(items);
            return this;
        }

        public Snapshot build() {
            return new Snapshot(cluster, now, gitVersion, readyz, apiVersions, new LinkedHashMap<>(objects));
        }
    }
}
