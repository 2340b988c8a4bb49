package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.HYGIENE;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.containers;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Rules.workloads;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Configuration hygiene: quotas, orphans, disruption budgets, autoscalers, labels, deprecated fields. */
final class HygieneChecks {

    private static final Set<String> DEPRECATED_ANNOTATIONS = Set.of("scheduler.alpha.kubernetes.io/critical-pod",
            "seccomp.security.alpha.kubernetes.io/pod", "container.seccomp.security.alpha.kubernetes.io",
            "scheduler.alpha.kubernetes.io/tolerations", "scheduler.alpha.kubernetes.io/affinity");

    private HygieneChecks() {}

    static List<Check> all() {
        return List.of(
                namespaces("HY-001", "Namespace without ResourceQuota", WARNING, "NSA-CISA: Resource policies",
                        "Without a quota one tenant can consume the whole cluster.",
                        "Add a ResourceQuota with CPU, memory and object-count limits.",
                        (inv, ns) -> inv.in(ResourceQuota.class, ns).isEmpty(), "no ResourceQuota"),
                namespaces("HY-002", "Namespace without LimitRange", INFO, "NSA-CISA: Resource policies",
                        "Without a LimitRange, containers that set no resources get none and are BestEffort.",
                        "Add a LimitRange with default requests and limits.",
                        (inv, ns) -> inv.in(LimitRange.class, ns).isEmpty(), "no LimitRange"),
                check("HY-003", "Orphaned ConfigMap", HYGIENE, INFO,
                        "A ConfigMap no workload references is dead configuration, or a reference someone broke.",
                        "Delete it, or restore the reference.", refs("Popeye: unused ConfigMaps"),
                        (inv, out) -> {
                            for (ConfigMap cm : inv.all(ConfigMap.class)) {
                                String ns = cm.getMetadata().getNamespace();
                                String name = cm.getMetadata().getName();
                                if (!Inventory.isSystemNamespace(ns) && !"kube-root-ca.crt".equals(name)
                                        && Inventory.owners(cm).isEmpty() && !inv.configMapReferenced(ns, name)) {
                                    out.report(ObjectRef.of(cm), "no workload references this ConfigMap");
                                }
                            }
                        }),
                check("HY-004", "Orphaned Secret", HYGIENE, INFO,
                        "A Secret that nothing references is a credential that still works but nobody owns.",
                        "Delete it (and revoke the credential) if nothing needs it.", refs("Popeye: unused Secrets"),
                        (inv, out) -> {
                            Set<String> other = otherSecretRefs(inv);
                            for (Secret s : inv.all(Secret.class)) {
                                String ns = s.getMetadata().getNamespace();
                                String name = s.getMetadata().getName();
                                if (!Inventory.isSystemNamespace(ns) && Inventory.owners(s).isEmpty()
                                        && !"kubernetes.io/service-account-token".equals(s.getType())
                                        && !(s.getType() != null && s.getType().startsWith("helm.sh/"))
                                        && !inv.secretReferenced(ns, name) && !other.contains(ns + "/" + name)) {
                                    out.report(ObjectRef.of(s), "nothing references this Secret");
                                }
                            }
                        }),
                check("HY-005", "PodDisruptionBudget blocks all evictions", HYGIENE, WARNING,
                        "maxUnavailable 0 (or minAvailable equal to all replicas) makes every node drain hang.",
                        "Allow at least one disruption: maxUnavailable: 1.", refs("Kubernetes docs: Disruptions"),
                        (inv, out) -> {
                            for (PodDisruptionBudget p : inv.all(PodDisruptionBudget.class)) {
                                if (blocksAll(inv, p)) {
                                    out.report(ObjectRef.of(p), "allows no voluntary disruption");
                                }
                            }
                        }),
                check("HY-006", "PodDisruptionBudget selects no pods", HYGIENE, INFO,
                        "A budget whose selector matches no pods protects nothing.", "Fix the selector or delete the budget.",
                        refs("Kubernetes docs: Disruptions"),
                        (inv, out) -> {
                            for (PodDisruptionBudget p : inv.all(PodDisruptionBudget.class)) {
                                if (pdbPods(inv, p).isEmpty()) {
                                    out.report(ObjectRef.of(p), "selects no pods");
                                }
                            }
                        }),
                check("HY-007", "Autoscaler with minReplicas = maxReplicas", HYGIENE, WARNING,
                        "An HPA whose minimum equals its maximum never scales: it only adds confusion.",
                        "Widen the range or delete the HPA and set replicas directly.", refs("Kubernetes docs: HPA"),
                        (inv, out) -> {
                            for (HorizontalPodAutoscaler h : inv.all(HorizontalPodAutoscaler.class)) {
                                int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
                                if (h.getSpec().getMaxReplicas() != null && min == h.getSpec().getMaxReplicas()) {
                                    out.report(ObjectRef.of(h), "minReplicas = maxReplicas = " + min);
                                }
                            }
                        }),
                check("HY-008", "Secret exposed as environment variable", HYGIENE, INFO,
                        "Environment variables leak into logs, crash dumps and child processes; mounted files do not.",
                        "Mount the Secret as a volume and read the file.", refs("CIS 5.4.1"),
                        containers((w, c) -> !secretEnv(c).isEmpty(),
                                (w, c) -> "container '" + c.getName() + "' reads Secrets into " + secretEnv(c))),
                check("HY-009", "Workloads in the default namespace", HYGIENE, INFO,
                        "The default namespace has no owner, quota or policy of its own.", "Move workloads to a dedicated namespace.",
                        refs("CIS 5.7.4"),
                        workloads(w -> "default".equals(w.namespace()), w -> w.kind() + " runs in the default namespace")),
                check("HY-010", "Missing recommended labels", HYGIENE, INFO,
                        "Without app.kubernetes.io/name tools and people cannot tell what a workload belongs to.",
                        "Add app.kubernetes.io/name (and instance, version, part-of).", refs("Kubernetes docs: Recommended labels"),
                        workloads(w -> !w.podLabels().containsKey("app.kubernetes.io/name") && !(w.object() instanceof Pod),
                                w -> "pod template has no app.kubernetes.io/name label")),
                check("HY-011", "ResourceQuota nearly used up", HYGIENE, WARNING,
                        "A quota at 90% or more of a hard limit will soon reject new pods or objects.",
                        "Raise the quota or free resources.", refs("Kubernetes docs: Resource quotas"),
                        (inv, out) -> {
                            for (ResourceQuota q : inv.all(ResourceQuota.class)) {
                                if (q.getStatus() == null || q.getStatus().getHard() == null || q.getStatus().getUsed() == null) {
                                    continue;
                                }
                                List<String> tight = new ArrayList<>();
                                q.getStatus().getHard().forEach((res, hard) -> {
                                    BigDecimal h = Rules.amount(q.getStatus().getHard(), res);
                                    BigDecimal u = Rules.amount(q.getStatus().getUsed(), res);
                                    if (h != null && u != null && h.signum() > 0 && u.doubleValue() >= h.doubleValue() * 0.9) {
                                        tight.add(res + " " + Rules.percent(u.doubleValue() / h.doubleValue()));
                                    }
                                });
                                if (!tight.isEmpty()) {
                                    out.report(ObjectRef.of(q), "nearly exhausted: " + tight);
                                }
                            }
                        }),
                namespaces("HY-012", "Empty namespace", INFO, "Popeye: unused namespaces",
                        "A namespace without workloads, services or configuration is probably a leftover.",
                        "Delete it if nobody owns it.",
                        (inv, ns) -> inv.in(Pod.class, ns).isEmpty() && inv.in(Service.class, ns).isEmpty()
                                && inv.in(ConfigMap.class, ns).stream().allMatch(c -> "kube-root-ca.crt".equals(c.getMetadata().getName()))
                                && inv.in(Secret.class, ns).isEmpty() && !"default".equals(ns),
                        "namespace holds nothing"),
                check("HY-013", "Orphaned ReplicaSet", HYGIENE, INFO,
                        "A ReplicaSet without a Deployment is usually left behind by a deleted Deployment (orphan delete).",
                        "Delete it, or adopt it into a Deployment.", refs("Kubernetes docs: ReplicaSet"),
                        (inv, out) -> {
                            for (ReplicaSet rs : inv.all(ReplicaSet.class)) {
                                if (Inventory.owners(rs).isEmpty() && !Inventory.isSystemNamespace(rs.getMetadata().getNamespace())) {
                                    out.report(ObjectRef.of(rs), "not owned by a Deployment");
                                }
                            }
                        }),
                check("HY-014", "Finished Job never cleaned up", HYGIENE, INFO,
                        "Finished Jobs without ttlSecondsAfterFinished keep their pods and objects forever.",
                        "Set ttlSecondsAfterFinished, or run it from a CronJob with history limits.", refs("Kubernetes docs: TTL after finished"),
                        (inv, out) -> {
                            for (Job j : inv.all(Job.class)) {
                                java.time.Instant done = j.getStatus() == null ? null : Inventory.instant(j.getStatus().getCompletionTime());
                                if (done != null && j.getSpec().getTtlSecondsAfterFinished() == null
                                        && Inventory.owners(j).isEmpty()
                                        && Duration.between(done, inv.now()).compareTo(Duration.ofDays(1)) > 0) {
                                    out.report(ObjectRef.of(j), "finished " + Duration.between(done, inv.now()).toDays() + " days ago");
                                }
                            }
                        }),
                check("HY-015", "Evicted pods left behind", HYGIENE, INFO,
                        "Evicted pods stay as Failed objects until garbage collected, cluttering lists and quotas.",
                        "Delete them; set --terminated-pod-gc-threshold on the controller manager.", refs("Popeye: pods"),
                        WorkloadChecks.pods((inv, p, out) -> {
                            if ("Failed".equals(WorkloadChecks.phase(p)) && "Evicted".equals(p.getStatus().getReason())) {
                                out.report(ObjectRef.of(p), "Evicted: " + p.getStatus().getMessage());
                            }
                        })),
                check("HY-016", "Unused service account", HYGIENE, INFO,
                        "A service account no workload runs as and no binding names is clutter with a token that may still work.",
                        "Delete it.", refs("Popeye: unused ServiceAccounts"),
                        (inv, out) -> {
                            Set<String> bound = new HashSet<>();
                            for (RbacChecks.Binding b : RbacChecks.bindings(inv)) {
                                b.subjects().stream().filter(s -> "ServiceAccount".equals(s.getKind())).forEach(s ->
                                        bound.add((s.getNamespace() == null ? b.namespace() : s.getNamespace()) + "/" + s.getName()));
                            }
                            for (ServiceAccount sa : inv.all(ServiceAccount.class)) {
                                String ns = sa.getMetadata().getNamespace();
                                String name = sa.getMetadata().getName();
                                if (!"default".equals(name) && !Inventory.isSystemNamespace(ns) && !inv.serviceAccountUsed(ns, name)
                                        && !bound.contains(ns + "/" + name)) {
                                    out.report(ObjectRef.of(sa), "no workload or binding uses this service account");
                                }
                            }
                        }),
                check("HY-017", "Deprecated beta node labels", HYGIENE, WARNING,
                        "beta.kubernetes.io/arch and beta.kubernetes.io/os are deprecated; nodes may stop carrying them.",
                        "Use kubernetes.io/arch and kubernetes.io/os.", refs("Kubernetes docs: Well-known labels"),
                        workloads(w -> w.spec().getNodeSelector() != null && w.spec().getNodeSelector().keySet().stream()
                                .anyMatch(k -> k.startsWith("beta.kubernetes.io/")),
                                w -> "nodeSelector uses " + w.spec().getNodeSelector().keySet().stream()
                                        .filter(k -> k.startsWith("beta.kubernetes.io/")).toList())),
                check("HY-018", "Deprecated annotations", HYGIENE, WARNING,
                        "Alpha annotations such as seccomp.security.alpha.kubernetes.io/pod are ignored by current releases.",
                        "Use the corresponding securityContext or spec fields.", refs("Kubernetes docs: Deprecated API migration guide"),
                        workloads(w -> !deprecated(w.podAnnotations()).isEmpty(), w -> "uses " + deprecated(w.podAnnotations()))),
                check("HY-019", "ConfigMap close to the size limit", HYGIENE, INFO,
                        "ConfigMaps are limited to 1 MiB; a large one slows every watch and will soon hit the limit.",
                        "Move large content into an image or a volume.", refs("Kubernetes docs: ConfigMaps"),
                        (inv, out) -> {
                            for (ConfigMap cm : inv.all(ConfigMap.class)) {
                                long size = 0;
                                if (cm.getData() != null) {
                                    for (String v : cm.getData().values()) {
                                        size += v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length;
                                    }
                                }
                                if (cm.getBinaryData() != null) {
                                    for (String v : cm.getBinaryData().values()) {
                                        size += v == null ? 0 : v.length() * 3L / 4;
                                    }
                                }
                                if (size > 512 * 1024) {
                                    out.report(ObjectRef.of(cm), (size / 1024) + " KiB of data");
                                }
                            }
                        }));
    }

    interface NamespaceTest {
        boolean bad(Inventory inv, String namespace);
    }

    private static Check namespaces(String id, String title, Severity severity, String ref, String rationale,
            String remediation, NamespaceTest bad, String message) {
        return check(id, title, HYGIENE, severity, rationale, remediation, refs(ref.replace("NSA-CISA: Resource policies",
                        "NSA-CISA: Resource policies")),
                (inv, out) -> {
                    for (Namespace n : inv.userNamespaces()) {
                        if (bad.bad(inv, n.getMetadata().getName())) {
                            out.report(ObjectRef.of(n), message);
                        }
                    }
                });
    }

    private static List<String> secretEnv(Container c) {
        List<String> names = new ArrayList<>();
        for (EnvVar e : WorkloadStateChecks.env(c)) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                names.add(e.getName());
            }
        }
        for (var e : WorkloadStateChecks.envFrom(c)) {
            if (e.getSecretRef() != null) {
                names.add("envFrom " + e.getSecretRef().getName());
            }
        }
        return names;
    }

    private static List<String> deprecated(Map<String, String> annotations) {
        return annotations.keySet().stream().filter(k -> DEPRECATED_ANNOTATIONS.contains(k)
                || k.startsWith("container.seccomp.security.alpha.kubernetes.io/")).sorted().toList();
    }

    /** Secrets referenced from outside pods: ingress TLS and service account secret lists. */
    private static Set<String> otherSecretRefs(Inventory inv) {
        Set<String> refs = new HashSet<>();
        for (Ingress i : inv.all(Ingress.class)) {
            if (i.getSpec() != null && i.getSpec().getTls() != null) {
                i.getSpec().getTls().forEach(t -> refs.add(i.getMetadata().getNamespace() + "/" + t.getSecretName()));
            }
        }
        for (ServiceAccount sa : inv.all(ServiceAccount.class)) {
            if (sa.getSecrets() != null) {
                sa.getSecrets().forEach(s -> refs.add(sa.getMetadata().getNamespace() + "/" + s.getName()));
            }
            if (sa.getImagePullSecrets() != null) {
                sa.getImagePullSecrets().forEach(s -> refs.add(sa.getMetadata().getNamespace() + "/" + s.getName()));
            }
        }
        return refs;
    }

    private static List<Pod> pdbPods(Inventory inv, PodDisruptionBudget p) {
        Map<String, String> sel = p.getSpec().getSelector() == null ? null : p.getSpec().getSelector().getMatchLabels();
        return inv.in(Pod.class, p.getMetadata().getNamespace()).stream()
                .filter(pod -> Inventory.selects(sel, Inventory.labels(pod))).toList();
    }

    private static boolean blocksAll(Inventory inv, PodDisruptionBudget p) {
        IntOrString maxUnavailable = p.getSpec().getMaxUnavailable();
        if (maxUnavailable != null) {
            return Integer.valueOf(0).equals(maxUnavailable.getIntVal()) || "0%".equals(maxUnavailable.getStrVal());
        }
        IntOrString minAvailable = p.getSpec().getMinAvailable();
        if (minAvailable == null) {
            return false;
        }
        if ("100%".equals(minAvailable.getStrVal())) {
            return true;
        }
        long pods = pdbPods(inv, p).size();
        return minAvailable.getIntVal() != null && pods > 0 && minAvailable.getIntVal() >= pods;
    }
}
