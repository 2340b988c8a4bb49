package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot indexed once for the checks: objects by namespace and name, pods by namespace, node and
 * owner, workloads with their pod templates, and what pods reference. Every index is built in one
 * pass, so evaluating all checks stays linear in the size of the cluster. Not thread-safe; one per
 * evaluation.
 */
public final class Inventory {

    private final Snapshot snapshot;
    private final Map<Class<?>, Map<String, HasMetadata>> byName = new HashMap<>();
    private final Map<Class<?>, Map<String, List<HasMetadata>>> byNamespace = new HashMap<>();
    private final Map<String, List<Pod>> podsByNode = new HashMap<>();
    private final Map<String, List<Pod>> podsByOwner = new HashMap<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final Set<String> configMapRefs = new HashSet<>();
    private final Set<String> secretRefs = new HashSet<>();
    private final Set<String> pvcRefs = new HashSet<>();
    private final Set<String> serviceAccountRefs = new HashSet<>();

    public Inventory(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (Pod pod : all(Pod.class)) {
            if (pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
                podsByNode.computeIfAbsent(pod.getSpec().getNodeName(), k -> new ArrayList<>()).add(pod);
            }
            for (OwnerReference o : owners(pod)) {
                podsByOwner.computeIfAbsent(o.getUid(), k -> new ArrayList<>()).add(pod);
            }
        }
        collectWorkloads();
        for (Workload w : workloads) {
            collectReferences(w.namespace(), w.spec());
        }
        for (Pod pod : all(Pod.class)) {
            if (pod.getSpec() != null && !owners(pod).isEmpty()) {
                collectReferences(pod.getMetadata().getNamespace(), pod.getSpec());
            }
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public String cluster() {
        return snapshot.cluster();
    }

    public Instant now() {
        return snapshot.now();
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return snapshot.all(kind);
    }

    /** The object of {@code kind} named {@code name} in {@code namespace} (null for cluster-scoped), or null. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> T get(Class<T> kind, String namespace, String name) {
        Map<String, HasMetadata> index = byName.computeIfAbsent(kind, k -> {
            Map<String, HasMetadata> m = new HashMap<>();
            for (T o : all(kind)) {
                m.put(key(o.getMetadata().getNamespace(), o.getMetadata().getName()), o);
            }
            return m;
        });
        return (T) index.get(key(namespace, name));
    }

    public boolean has(Class<? extends HasMetadata> kind, String namespace, String name) {
        return get(kind, namespace, name) != null;
    }

    /** The objects of {@code kind} in {@code namespace}. */
    @SuppressWarnings("unchecked")
    public <T extends HasMetadata> List<T> in(Class<T> kind, String namespace) {
        Map<String, List<HasMetadata>> index = byNamespace.computeIfAbsent(kind, k -> {
            Map<String, List<HasMetadata>> m = new HashMap<>();
            for (T o : all(kind)) {
                m.computeIfAbsent(nullToEmpty(o.getMetadata().getNamespace()), x -> new ArrayList<>()).add(o);
            }
            return m;
        });
        return (List<T>) (List<?>) index.getOrDefault(nullToEmpty(namespace), List.of());
    }

    public List<Pod> podsOnNode(String node) {
        return podsByNode.getOrDefault(node, List.of());
    }

    public List<Pod> podsOwnedBy(String uid) {
        return uid == null ? List.of() : podsByOwner.getOrDefault(uid, List.of());
    }

    /** Everything with a pod template (see {@link Workload}). */
    public List<Workload> workloads() {
        return workloads;
    }

    public List<Namespace> namespaces() {
        return all(Namespace.class);
    }

    /** Namespaces users own: every namespace except kube-system, kube-public, kube-node-lease. */
    public List<Namespace> userNamespaces() {
        return namespaces().stream().filter(n -> !isSystemNamespace(n.getMetadata().getName())).toList();
    }

    public static boolean isSystemNamespace(String ns) {
        return "kube-system".equals(ns) || "kube-public".equals(ns) || "kube-node-lease".equals(ns);
    }

    public boolean configMapReferenced(String namespace, String name) {
        return configMapRefs.contains(key(namespace, name));
    }

    public boolean secretReferenced(String namespace, String name) {
        return secretRefs.contains(key(namespace, name));
    }

    public boolean pvcReferenced(String namespace, String name) {
        return pvcRefs.contains(key(namespace, name));
    }

    public boolean serviceAccountUsed(String namespace, String name) {
        return serviceAccountRefs.contains(key(namespace, name));
    }

    /** Age of an object at snapshot time; zero when it has no creation timestamp. */
    public Duration age(HasMetadata o) {
        Instant created = instant(o.getMetadata().getCreationTimestamp());
        return created == null ? Duration.ZERO : Duration.between(created, now());
    }

    /** Parses a Kubernetes timestamp (RFC 3339); null when absent or malformed. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static List<OwnerReference> owners(HasMetadata o) {
        List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
        return refs == null ? List.of() : refs;
    }

    public static Map<String, String> labels(HasMetadata o) {
        Map<String, String> l = o.getMetadata().getLabels();
        return l == null ? Map.of() : l;
    }

    public static Map<String, String> annotations(HasMetadata o) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        return a == null ? Map.of() : a;
    }

    /** Does {@code selector} (matchLabels form) select {@code labels}? An empty selector selects nothing. */
    public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void collectWorkloads() {
        Set<String> deploymentUids = new HashSet<>();
        Set<String> cronJobUids = new HashSet<>();
        for (Deployment d : all(Deployment.class)) {
            deploymentUids.add(d.getMetadata().getUid());
            if (d.getSpec() != null && d.getSpec().getTemplate() != null) {
                workloads.add(new Workload(d, d.getSpec().getTemplate().getMetadata(),
                        d.getSpec().getTemplate().getSpec(), orOne(d.getSpec().getReplicas()), true));
            }
        }
        for (CronJob c : all(CronJob.class)) {
            cronJobUids.add(c.getMetadata().getUid());
            if (c.getSpec() != null && c.getSpec().getJobTemplate() != null
                    && c.getSpec().getJobTemplate().getSpec() != null
                    && c.getSpec().getJobTemplate().getSpec().getTemplate() != null) {
                var t = c.getSpec().getJobTemplate().getSpec().getTemplate();
                workloads.add(new Workload(c, t.getMetadata(), t.getSpec(), null, false));
            }
        }
        Set<String> replicaSetUids = new HashSet<>();
        for (ReplicaSet rs : all(ReplicaSet.class)) {
            replicaSetUids.add(rs.getMetadata().getUid());
            boolean owned = owners(rs).stream().anyMatch(o -> deploymentUids.contains(o.getUid())
                    || "Deployment".equals(o.getKind()));
            if (!owned && rs.getSpec() != null && rs.getSpec().getTemplate() != null) {
                workloads.add(new Workload(rs, rs.getSpec().getTemplate().getMetadata(),
                        rs.getSpec().getTemplate().getSpec(), orOne(rs.getSpec().getReplicas()), true));
            }
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            if (s.getSpec() != null && s.getSpec().getTemplate() != null) {
                workloads.add(new Workload(s, s.getSpec().getTemplate().getMetadata(),
                        s.getSpec().getTemplate().getSpec(), orOne(s.getSpec().getReplicas()), true));
            }
        }
        for (DaemonSet d : all(DaemonSet.class)) {
            if (d.getSpec() != null && d.getSpec().getTemplate() != null) {
                workloads.add(new Workload(d, d.getSpec().getTemplate().getMetadata(),
                        d.getSpec().getTemplate().getSpec(), null, true));
            }
        }
        for (Job j : all(Job.class)) {
            boolean owned = owners(j).stream().anyMatch(o -> cronJobUids.contains(o.getUid())
                    || "CronJob".equals(o.getKind()));
            if (!owned && j.getSpec() != null && j.getSpec().getTemplate() != null) {
                workloads.add(new Workload(j, j.getSpec().getTemplate().getMetadata(),
                        j.getSpec().getTemplate().getSpec(), null, false));
            }
        }
        for (Pod p : all(Pod.class)) {
            if (owners(p).isEmpty() && p.getSpec() != null && !isMirrorPod(p)) {
                workloads.add(new Workload(p, p.getMetadata(), p.getSpec(), null, true));
            }
        }
    }

    /** Static pods (kube-apiserver, etcd) are shown through mirror pods; they have no controller by design. */
    public static boolean isMirrorPod(Pod p) {
        return annotations(p).containsKey("kubernetes.io/config.mirror");
    }

    private void collectReferences(String ns, PodSpec spec) {
        if (spec == null) {
            return;
        }
        serviceAccountRefs.add(key(ns, spec.getServiceAccountName() == null ? "default" : spec.getServiceAccountName()));
        if (spec.getImagePullSecrets() != null) {
            for (LocalObjectReference r : spec.getImagePullSecrets()) {
                secretRefs.add(key(ns, r.getName()));
            }
        }
        if (spec.getVolumes() != null) {
            for (Volume v : spec.getVolumes()) {
                if (v.getConfigMap() != null) {
                    configMapRefs.add(key(ns, v.getConfigMap().getName()));
                }
                if (v.getSecret() != null) {
                    secretRefs.add(key(ns, v.getSecret().getSecretName()));
                }
                if (v.getPersistentVolumeClaim() != null) {
                    pvcRefs.add(key(ns, v.getPersistentVolumeClaim().getClaimName()));
                }
                if (v.getProjected() != null && v.getProjected().getSources() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getConfigMap() != null) {
                            configMapRefs.add(key(ns, p.getConfigMap().getName()));
                        }
                        if (p.getSecret() != null) {
                            secretRefs.add(key(ns, p.getSecret().getName()));
                        }
                    }
                }
            }
        }
        List<Container> containers = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            containers.addAll(spec.getInitContainers());
        }
        if (spec.getContainers() != null) {
            containers.addAll(spec.getContainers());
        }
        for (Container c : containers) {
            if (c.getEnv() != null) {
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() != null) {
                        ConfigMapKeySelector cm = e.getValueFrom().getConfigMapKeyRef();
                        if (cm != null) {
                            configMapRefs.add(key(ns, cm.getName()));
                        }
                        SecretKeySelector s = e.getValueFrom().getSecretKeyRef();
                        if (s != null) {
                            secretRefs.add(key(ns, s.getName()));
                        }
                    }
                }
            }
            if (c.getEnvFrom() != null) {
                for (EnvFromSource e : c.getEnvFrom()) {
                    if (e.getConfigMapRef() != null) {
                        configMapRefs.add(key(ns, e.getConfigMapRef().getName()));
                    }
                    if (e.getSecretRef() != null) {
                        secretRefs.add(key(ns, e.getSecretRef().getName()));
                    }
                }
            }
        }
    }

    private static Integer orOne(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    static String key(String namespace, String name) {
        return nullToEmpty(namespace) + "/" + name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
