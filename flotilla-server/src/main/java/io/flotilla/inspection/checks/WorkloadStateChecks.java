package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.WORKLOAD;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Rules.workloads;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Controller state (rollouts, availability, jobs, autoscalers) and references pods cannot start without. */
final class WorkloadStateChecks {

    private WorkloadStateChecks() {}

    static List<Check> all() {
        return List.of(
                check("WL-030", "Deployment has unavailable replicas", WORKLOAD, WARNING,
                        "Fewer replicas are available than desired: capacity is reduced or a rollout is stuck.",
                        "Look at the pods of the newest ReplicaSet and their events.", refs("Kubernetes docs: Deployments"),
                        (inv, out) -> {
                            for (Deployment d : inv.all(Deployment.class)) {
                                int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                                int available = d.getStatus() == null || d.getStatus().getAvailableReplicas() == null ? 0
                                        : d.getStatus().getAvailableReplicas();
                                if (desired > 0 && available < desired && d.getStatus() != null) {
                                    out.report(ObjectRef.of(d), available + " of " + desired + " replicas available");
                                }
                            }
                        }),
                check("WL-031", "Deployment rollout stuck", WORKLOAD, CRITICAL,
                        "The rollout exceeded its progress deadline (ProgressDeadlineExceeded).",
                        "Fix the new pods (image, config, resources) or roll back.", refs("Kubernetes docs: Deployments"),
                        (inv, out) -> {
                            for (Deployment d : inv.all(Deployment.class)) {
                                if (d.getStatus() != null && d.getStatus().getConditions() != null) {
                                    for (DeploymentCondition c : d.getStatus().getConditions()) {
                                        if ("Progressing".equals(c.getType()) && "False".equals(c.getStatus())) {
                                            out.report(ObjectRef.of(d), "rollout not progressing: " + c.getReason());
                                        }
                                    }
                                }
                            }
                        }),
                check("WL-032", "Deployment scaled to zero", WORKLOAD, INFO,
                        "A Deployment with zero replicas serves nothing; often a leftover.",
                        "Scale it up or delete it.", refs("Kubernetes docs: Deployments"),
                        workloads(w -> w.object() instanceof Deployment && w.replicas() == 0, w -> "scaled to 0 replicas")),
                check("WL-033", "StatefulSet not ready", WORKLOAD, WARNING,
                        "Fewer StatefulSet replicas are ready than desired; ordered rollouts stop at the first unready pod.",
                        "Look at the lowest-ordinal unready pod.", refs("Kubernetes docs: StatefulSets"),
                        (inv, out) -> {
                            for (StatefulSet s : inv.all(StatefulSet.class)) {
                                int desired = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
                                int ready = s.getStatus() == null || s.getStatus().getReadyReplicas() == null ? 0
                                        : s.getStatus().getReadyReplicas();
                                if (s.getStatus() != null && ready < desired) {
                                    out.report(ObjectRef.of(s), ready + " of " + desired + " replicas ready");
                                }
                            }
                        }),
                check("WL-034", "StatefulSet governing service missing", WORKLOAD, WARNING,
                        "The serviceName of a StatefulSet must name a headless Service for stable pod DNS names.",
                        "Create a headless Service (clusterIP: None) with that name.", refs("Kubernetes docs: StatefulSets"),
                        (inv, out) -> {
                            for (StatefulSet s : inv.all(StatefulSet.class)) {
                                String name = s.getSpec().getServiceName();
                                if (name != null && !name.isBlank()) {
                                    Service svc = inv.get(Service.class, s.getMetadata().getNamespace(), name);
                                    if (svc == null) {
                                        out.report(ObjectRef.of(s), "governing service '" + name + "' does not exist");
                                    } else if (!"None".equals(svc.getSpec().getClusterIP())) {
                                        out.report(ObjectRef.of(s), "governing service '" + name + "' is not headless");
                                    }
                                }
                            }
                        }),
                check("WL-035", "DaemonSet pods unavailable", WORKLOAD, WARNING,
                        "Some nodes lack a running DaemonSet pod (log shipping, networking or monitoring gaps).",
                        "Check the unavailable pods and the nodes' taints.", refs("Kubernetes docs: DaemonSets"),
                        (inv, out) -> {
                            for (DaemonSet d : inv.all(DaemonSet.class)) {
                                if (WorkloadChecks.daemonSetUnavailable(d)) {
                                    out.report(ObjectRef.of(d), d.getStatus().getNumberUnavailable() + " of "
                                            + d.getStatus().getDesiredNumberScheduled() + " pods unavailable");
                                }
                            }
                        }),
                check("WL-036", "DaemonSet pods misscheduled", WORKLOAD, INFO,
                        "DaemonSet pods run on nodes where they should not (node selector or taints changed).",
                        "Check the DaemonSet's nodeSelector and tolerations.", refs("Kubernetes docs: DaemonSets"),
                        (inv, out) -> {
                            for (DaemonSet d : inv.all(DaemonSet.class)) {
                                if (d.getStatus() != null && d.getStatus().getNumberMisscheduled() != null
                                        && d.getStatus().getNumberMisscheduled() > 0) {
                                    out.report(ObjectRef.of(d), d.getStatus().getNumberMisscheduled() + " pods misscheduled");
                                }
                            }
                        }),
                check("WL-037", "Job failed", WORKLOAD, WARNING,
                        "The Job reached its backoff limit or deadline without succeeding.",
                        "Read the logs of its failed pods; fix and re-run.", refs("Kubernetes docs: Jobs"),
                        (inv, out) -> {
                            for (Job j : inv.all(Job.class)) {
                                if (WorkloadChecks.jobFailed(j)) {
                                    out.report(ObjectRef.of(j), "Job failed");
                                }
                            }
                        }),
                check("WL-038", "CronJob suspended", WORKLOAD, INFO,
                        "A suspended CronJob does not run; easy to forget after maintenance.",
                        "Resume it (suspend: false) or delete it.", refs("Kubernetes docs: CronJob"),
                        (inv, out) -> {
                            for (CronJob c : inv.all(CronJob.class)) {
                                if (Rules.isTrue(c.getSpec().getSuspend())) {
                                    out.report(ObjectRef.of(c), "CronJob is suspended");
                                }
                            }
                        }),
                check("WL-039", "Missing ConfigMap", WORKLOAD, CRITICAL,
                        "Pods referencing a ConfigMap that does not exist stay in ContainerCreating or CreateContainerConfigError.",
                        "Create the ConfigMap or fix the reference (or mark it optional).", refs("Kubernetes docs: ConfigMaps"),
                        missing(w -> configMaps(w), (inv, ns, n) -> inv.has(ConfigMap.class, ns, n), "ConfigMap")),
                check("WL-040", "Missing Secret", WORKLOAD, CRITICAL,
                        "Pods referencing a Secret that does not exist cannot start.",
                        "Create the Secret or fix the reference (or mark it optional).", refs("Kubernetes docs: Secrets"),
                        missing(w -> secrets(w), (inv, ns, n) -> inv.has(Secret.class, ns, n), "Secret")),
                check("WL-041", "Missing PersistentVolumeClaim", WORKLOAD, CRITICAL,
                        "Pods whose volume names a missing PVC stay Pending.",
                        "Create the claim or fix the volume's claimName.", refs("Kubernetes docs: Persistent volumes"),
                        missing(w -> claims(w), (inv, ns, n) -> inv.has(PersistentVolumeClaim.class, ns, n), "PersistentVolumeClaim")),
                check("WL-042", "Missing service account", WORKLOAD, CRITICAL,
                        "Pods of a workload naming a missing service account are rejected at creation.",
                        "Create the service account or fix serviceAccountName.", refs("Kubernetes docs: Service accounts"),
                        missing(w -> w.spec().getServiceAccountName() == null ? Set.of() : Set.of(w.spec().getServiceAccountName()),
                                (inv, ns, n) -> inv.has(ServiceAccount.class, ns, n), "ServiceAccount")),
                check("WL-043", "Missing image pull secret", WORKLOAD, WARNING,
                        "An imagePullSecret that does not exist is ignored: private images then fail to pull.",
                        "Create the pull secret or remove the reference.", refs("Kubernetes docs: Images"),
                        missing(w -> w.spec().getImagePullSecrets() == null ? Set.of() : new LinkedHashSet<>(
                                        w.spec().getImagePullSecrets().stream().map(LocalObjectReference::getName).toList()),
                                (inv, ns, n) -> inv.has(Secret.class, ns, n), "pull Secret")),
                check("WL-044", "Autoscaler cannot scale", WORKLOAD, WARNING,
                        "The HPA reports ScalingActive=False (no metrics, missing target): it does nothing.",
                        "Read the HPA's conditions; check metrics-server and the target's requests.", refs("Kubernetes docs: HPA"),
                        (inv, out) -> {
                            for (HorizontalPodAutoscaler h : inv.all(HorizontalPodAutoscaler.class)) {
                                if (h.getStatus() != null && h.getStatus().getConditions() != null) {
                                    h.getStatus().getConditions().stream()
                                            .filter(c -> "ScalingActive".equals(c.getType()) && "False".equals(c.getStatus()))
                                            .findFirst().ifPresent(c -> out.report(ObjectRef.of(h), "cannot scale: " + c.getReason()));
                                }
                            }
                        }),
                check("WL-045", "Autoscaler at maximum", WORKLOAD, WARNING,
                        "The HPA runs at maxReplicas: demand may exceed what it is allowed to provide.",
                        "Raise maxReplicas or make the workload more efficient.", refs("Kubernetes docs: HPA"),
                        (inv, out) -> {
                            for (HorizontalPodAutoscaler h : inv.all(HorizontalPodAutoscaler.class)) {
                                if (h.getStatus() != null && h.getStatus().getCurrentReplicas() != null
                                        && h.getSpec().getMaxReplicas() != null
                                        && h.getStatus().getCurrentReplicas() >= h.getSpec().getMaxReplicas()
                                        && !h.getSpec().getMaxReplicas().equals(h.getSpec().getMinReplicas())) {
                                    out.report(ObjectRef.of(h), "running at maxReplicas " + h.getSpec().getMaxReplicas());
                                }
                            }
                        }),
                check("WL-046", "Autoscaler target missing", WORKLOAD, WARNING,
                        "The HPA scales a workload that does not exist.",
                        "Fix scaleTargetRef or delete the HPA.", refs("Kubernetes docs: HPA"),
                        (inv, out) -> {
                            for (HorizontalPodAutoscaler h : inv.all(HorizontalPodAutoscaler.class)) {
                                if (target(inv, h) == null && h.getSpec().getScaleTargetRef() != null
                                        && Set.of("Deployment", "StatefulSet").contains(h.getSpec().getScaleTargetRef().getKind())) {
                                    out.report(ObjectRef.of(h), h.getSpec().getScaleTargetRef().getKind() + " '"
                                            + h.getSpec().getScaleTargetRef().getName() + "' does not exist");
                                }
                            }
                        }),
                check("WL-047", "Autoscaled on CPU without CPU requests", WORKLOAD, WARNING,
                        "CPU utilisation is relative to requests; without them the HPA cannot compute it.",
                        "Set CPU requests on every container of the target.", refs("Kubernetes docs: HPA"),
                        (inv, out) -> {
                            for (HorizontalPodAutoscaler h : inv.all(HorizontalPodAutoscaler.class)) {
                                Workload w = target(inv, h);
                                boolean cpu = h.getSpec().getMetrics() == null || h.getSpec().getMetrics().isEmpty()
                                        || h.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                                        && "cpu".equals(m.getResource().getName()));
                                if (w != null && cpu && w.containers().stream().anyMatch(c -> Rules.request(c, "cpu") == null)) {
                                    out.report(ObjectRef.of(h), "target " + w.kind() + " '" + w.name() + "' has containers without CPU requests");
                                }
                            }
                        }));
    }

    /** The workload an HPA scales, or null. */
    static Workload target(Inventory inv, HorizontalPodAutoscaler h) {
        if (h.getSpec() == null || h.getSpec().getScaleTargetRef() == null) {
            return null;
        }
        var ref = h.getSpec().getScaleTargetRef();
        for (Workload w : inv.workloads()) {
            if (w.kind().equals(ref.getKind()) && w.name().equals(ref.getName())
                    && w.namespace().equals(h.getMetadata().getNamespace())) {
                return w;
            }
        }
        return null;
    }

    interface Exists {
        boolean test(Inventory inv, String namespace, String name);
    }

    private static Check.Rule missing(Function<Workload, Set<String>> names, Exists exists, String what) {
        return (inv, out) -> {
            for (Workload w : Rules.userWorkloads(inv)) {
                for (String n : names.apply(w)) {
                    if (!exists.test(inv, w.namespace(), n)) {
                        out.report(w.ref(), what + " '" + n + "' does not exist");
                    }
                }
            }
        };
    }

    /** Required (non-optional) ConfigMaps a workload references. */
    static Set<String> configMaps(Workload w) {
        Set<String> names = new LinkedHashSet<>();
        if (w.spec().getVolumes() != null) {
            for (Volume v : w.spec().getVolumes()) {
                if (v.getConfigMap() != null && !Rules.isTrue(v.getConfigMap().getOptional())) {
                    names.add(v.getConfigMap().getName());
                }
            }
        }
        for (Container c : w.allContainers()) {
            for (EnvVar e : env(c)) {
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null
                        && !Rules.isTrue(e.getValueFrom().getConfigMapKeyRef().getOptional())) {
                    names.add(e.getValueFrom().getConfigMapKeyRef().getName());
                }
            }
            for (EnvFromSource e : envFrom(c)) {
                if (e.getConfigMapRef() != null && !Rules.isTrue(e.getConfigMapRef().getOptional())) {
                    names.add(e.getConfigMapRef().getName());
                }
            }
        }
        return names;
    }

    /** Required (non-optional) Secrets a workload references through volumes and env. */
    static Set<String> secrets(Workload w) {
        Set<String> names = new LinkedHashSet<>();
        if (w.spec().getVolumes() != null) {
            for (Volume v : w.spec().getVolumes()) {
                if (v.getSecret() != null && !Rules.isTrue(v.getSecret().getOptional())) {
                    names.add(v.getSecret().getSecretName());
                }
            }
        }
        for (Container c : w.allContainers()) {
            for (EnvVar e : env(c)) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                        && !Rules.isTrue(e.getValueFrom().getSecretKeyRef().getOptional())) {
                    names.add(e.getValueFrom().getSecretKeyRef().getName());
                }
            }
            for (EnvFromSource e : envFrom(c)) {
                if (e.getSecretRef() != null && !Rules.isTrue(e.getSecretRef().getOptional())) {
                    names.add(e.getSecretRef().getName());
                }
            }
        }
        return names;
    }

    private static Set<String> claims(Workload w) {
        Set<String> names = new LinkedHashSet<>();
        if (w.spec().getVolumes() != null) {
            for (Volume v : w.spec().getVolumes()) {
                if (v.getPersistentVolumeClaim() != null) {
                    names.add(v.getPersistentVolumeClaim().getClaimName());
                }
            }
        }
        return names;
    }

    static List<EnvVar> env(Container c) {
        return c.getEnv() == null ? List.of() : c.getEnv();
    }

    static List<EnvFromSource> envFrom(Container c) {
        return c.getEnvFrom() == null ? new ArrayList<>() : c.getEnvFrom();
    }
}
