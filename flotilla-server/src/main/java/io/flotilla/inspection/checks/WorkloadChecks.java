package io.flotilla.inspection.checks;

import static io.flotilla.inspection.checks.Category.WORKLOAD;
import static io.flotilla.inspection.checks.Rules.check;
import static io.flotilla.inspection.checks.Rules.containers;
import static io.flotilla.inspection.checks.Rules.refs;
import static io.flotilla.inspection.checks.Rules.serving;
import static io.flotilla.inspection.checks.Rules.workloads;
import static io.flotilla.inspection.checks.Severity.CRITICAL;
import static io.flotilla.inspection.checks.Severity.INFO;
import static io.flotilla.inspection.checks.Severity.WARNING;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Workload configuration (resources, probes, images, replicas) and runtime state (restarts, failures). */
final class WorkloadChecks {

    static final Duration PENDING_TOO_LONG = Duration.ofMinutes(5);
    static final int RESTART_STORM = 10;

    private WorkloadChecks() {}

    static List<Check> all() {
        List<Check> all = new ArrayList<>(template());
        all.addAll(runtime());
        all.addAll(WorkloadStateChecks.all());
        return all;
    }

    private static List<Check> template() {
        return List.of(
                check("WL-001", "No CPU request", WORKLOAD, WARNING,
                        "Without a CPU request the scheduler places the pod blindly and it gets the least CPU under contention.",
                        "Set resources.requests.cpu to the container's typical use.", refs("Kubernetes docs: Resource management", "NSA-CISA: Resource policies"),
                        containers((w, c) -> Rules.request(c, "cpu") == null,
                                (w, c) -> "container '" + c.getName() + "' has no CPU request")),
                check("WL-002", "No memory request", WORKLOAD, WARNING,
                        "Without a memory request the pod is BestEffort and evicted first under memory pressure.",
                        "Set resources.requests.memory.", refs("Kubernetes docs: Resource management"),
                        containers((w, c) -> Rules.request(c, "memory") == null,
                                (w, c) -> "container '" + c.getName() + "' has no memory request")),
                check("WL-003", "No memory limit", WORKLOAD, WARNING,
                        "A container without a memory limit can exhaust the node's memory and get other pods OOM-killed.",
                        "Set resources.limits.memory (usually equal to the request).", refs("NSA-CISA: Resource policies"),
                        containers((w, c) -> Rules.limit(c, "memory") == null,
                                (w, c) -> "container '" + c.getName() + "' has no memory limit")),
                check("WL-004", "No CPU limit", WORKLOAD, INFO,
                        "Without a CPU limit a busy container can starve neighbours that have no requests.",
                        "Set resources.limits.cpu, or make sure every pod on the node has CPU requests.", refs("NSA-CISA: Resource policies"),
                        containers((w, c) -> Rules.limit(c, "cpu") == null,
                                (w, c) -> "container '" + c.getName() + "' has no CPU limit")),
                check("WL-005", "No readiness probe", WORKLOAD, WARNING,
                        "Without a readiness probe traffic reaches the pod before it can serve, and during overload.",
                        "Add a readinessProbe (HTTP or TCP) on the serving port.", refs("Kubernetes docs: Probes"),
                        serving((w, c) -> c.getReadinessProbe() == null,
                                (w, c) -> "container '" + c.getName() + "' has no readiness probe")),
                check("WL-006", "No liveness probe", WORKLOAD, WARNING,
                        "Without a liveness probe a hung process is never restarted.",
                        "Add a livenessProbe that fails only when the process is stuck.", refs("Kubernetes docs: Probes"),
                        serving((w, c) -> c.getLivenessProbe() == null,
                                (w, c) -> "container '" + c.getName() + "' has no liveness probe")),
                check("WL-007", "Liveness probe identical to readiness probe", WORKLOAD, INFO,
                        "When both probes are the same, an overloaded pod is restarted instead of being taken out of rotation.",
                        "Make the liveness probe more tolerant (longer period, higher failureThreshold, cheaper endpoint).",
                        refs("Kubernetes docs: Probes"),
                        serving((w, c) -> c.getLivenessProbe() != null && Objects.equals(c.getLivenessProbe(), c.getReadinessProbe()),
                                (w, c) -> "container '" + c.getName() + "' uses the same probe for liveness and readiness")),
                check("WL-008", "Single replica", WORKLOAD, WARNING,
                        "One replica means downtime on every rollout, node drain and crash.",
                        "Run at least 2 replicas (with a PodDisruptionBudget) for anything that serves.", refs("Kubernetes docs: Disruptions"),
                        workloads(w -> w.replicas() != null && w.replicas() == 1
                                && (w.object() instanceof Deployment || w.object() instanceof StatefulSet),
                                w -> w.kind() + " runs a single replica")),
                check("WL-009", "Image tag latest", WORKLOAD, WARNING,
                        "The latest tag is mutable: nodes run different code and rollbacks do not roll back.",
                        "Pin an immutable version tag or digest.", refs("NSA-CISA: Supply chain"),
                        containers((w, c) -> "latest".equals(tag(c.getImage())),
                                (w, c) -> "container '" + c.getName() + "' uses image '" + c.getImage() + "'")),
                check("WL-010", "Untagged image", WORKLOAD, WARNING,
                        "An image without a tag or digest means latest, implicitly.",
                        "Add a version tag or digest to the image reference.", refs("NSA-CISA: Supply chain"),
                        containers((w, c) -> c.getImage() != null && tag(c.getImage()) == null && !c.getImage().contains("@"),
                                (w, c) -> "container '" + c.getName() + "' uses untagged image '" + c.getImage() + "'")),
                check("WL-011", "imagePullPolicy Never", WORKLOAD, WARNING,
                        "With pullPolicy Never pods fail on every node that does not already have the image.",
                        "Use IfNotPresent with a pinned tag.", refs("Kubernetes docs: Images"),
                        containers((w, c) -> "Never".equals(c.getImagePullPolicy()),
                                (w, c) -> "container '" + c.getName() + "' never pulls its image")),
                check("WL-012", "Duplicate environment variable", WORKLOAD, WARNING,
                        "When a variable is defined twice the last one silently wins.",
                        "Remove the duplicate entry.", refs("KubeLinter: duplicate-env-var"),
                        containers((w, c) -> !duplicates(c).isEmpty(),
                                (w, c) -> "container '" + c.getName() + "' defines " + duplicates(c) + " more than once")),
                check("WL-013", "No termination grace period", WORKLOAD, WARNING,
                        "terminationGracePeriodSeconds: 0 kills pods without letting them finish requests or flush data.",
                        "Remove it, or set it to the time the process needs to shut down.", refs("Kubernetes docs: Pod termination"),
                        workloads(w -> Long.valueOf(0).equals(w.spec().getTerminationGracePeriodSeconds()),
                                w -> "pod template sets terminationGracePeriodSeconds: 0")),
                check("WL-014", "Bare pod", WORKLOAD, WARNING,
                        "A pod without a controller is not recreated when its node fails or it is evicted.",
                        "Run it through a Deployment, StatefulSet or Job.", refs("Kubernetes docs: Pods"),
                        workloads(w -> w.object() instanceof Pod, w -> "pod is not managed by a controller")),
                check("WL-015", "Recreate strategy with several replicas", WORKLOAD, INFO,
                        "Recreate stops every replica before starting new ones: each rollout is an outage.",
                        "Use RollingUpdate unless two versions truly cannot run side by side.", refs("Kubernetes docs: Deployments"),
                        workloads(w -> w.object() instanceof Deployment d && d.getSpec().getStrategy() != null
                                && "Recreate".equals(d.getSpec().getStrategy().getType()) && w.replicas() > 1,
                                w -> "Deployment uses the Recreate strategy")),
                check("WL-016", "No rollout history", WORKLOAD, INFO,
                        "revisionHistoryLimit: 0 keeps no old ReplicaSets, so the Deployment cannot be rolled back.",
                        "Keep a few revisions (the default is 10).", refs("Kubernetes docs: Deployments"),
                        workloads(w -> w.object() instanceof Deployment d && Integer.valueOf(0).equals(d.getSpec().getRevisionHistoryLimit()),
                                w -> "Deployment keeps no revisions")),
                check("WL-017", "System-critical priority outside kube-system", WORKLOAD, WARNING,
                        "system-cluster-critical and system-node-critical pods preempt everything else on the node.",
                        "Use a PriorityClass of your own with a lower value.", refs("Kubernetes docs: Pod priority"),
                        workloads(w -> w.spec().getPriorityClassName() != null && w.spec().getPriorityClassName().startsWith("system-"),
                                w -> "uses priority class " + w.spec().getPriorityClassName())),
                check("WL-018", "Replicas without spreading", WORKLOAD, INFO,
                        "Replicas without anti-affinity or topology spread constraints may all land on one node.",
                        "Add topologySpreadConstraints on kubernetes.io/hostname (and zone).", refs("Kubernetes docs: Topology spread"),
                        workloads(w -> w.replicas() != null && w.replicas() > 1 && w.spec().getTopologySpreadConstraints() == null
                                && (w.spec().getAffinity() == null || w.spec().getAffinity().getPodAntiAffinity() == null),
                                w -> w.replicas() + " replicas without anti-affinity or topology spread")),
                check("WL-019", "CronJob allows concurrent runs", WORKLOAD, INFO,
                        "concurrencyPolicy Allow starts a new Job even when the last one is still running, which can pile up.",
                        "Set concurrencyPolicy: Forbid (or Replace) unless overlapping runs are safe.", refs("Kubernetes docs: CronJob"),
                        workloads(w -> w.object() instanceof CronJob c && (c.getSpec().getConcurrencyPolicy() == null
                                || "Allow".equals(c.getSpec().getConcurrencyPolicy())),
                                w -> "CronJob allows concurrent runs")));
    }

    private static List<Check> runtime() {
        return List.of(
                check("WL-020", "Restart storm", WORKLOAD, WARNING,
                        "A container that restarted many times is unstable even when it is up right now.",
                        "Read the previous container's logs (kubectl logs --previous) and fix the cause.", refs("Kubernetes docs: Debug pods"),
                        pods((inv, p, out) -> {
                            for (ContainerStatus s : statuses(p)) {
                                if (s.getRestartCount() != null && s.getRestartCount() >= RESTART_STORM) {
                                    out.report(ObjectRef.of(p), "container '" + s.getName() + "' restarted " + s.getRestartCount() + " times");
                                }
                            }
                        })),
                check("WL-021", "CrashLoopBackOff", WORKLOAD, CRITICAL,
                        "The container keeps crashing; Kubernetes backs off restarting it and the pod does not serve.",
                        "Read the logs of the previous container and the events of the pod; fix the crash.", refs("Kubernetes docs: Debug pods"),
                        pods((inv, p, out) -> waiting(p, Set.of("CrashLoopBackOff"), out))),
                check("WL-022", "Image cannot be pulled", WORKLOAD, CRITICAL,
                        "ImagePullBackOff / ErrImagePull: the image does not exist or the registry refuses the credentials.",
                        "Check the image name and tag, and the imagePullSecrets.", refs("Kubernetes docs: Images"),
                        pods((inv, p, out) -> waiting(p, Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName"), out))),
                check("WL-023", "Pod Pending too long", WORKLOAD, WARNING,
                        "A pod Pending for minutes cannot be scheduled (resources, taints, affinity, volumes) or started.",
                        "Describe the pod and read the scheduler's events.", refs("Kubernetes docs: Debug pods"),
                        pods((inv, p, out) -> {
                            if ("Pending".equals(phase(p)) && inv.age(p).compareTo(PENDING_TOO_LONG) > 0 && waitingReason(p) == null) {
                                out.report(ObjectRef.of(p), "Pending for " + inv.age(p).toMinutes() + " minutes"
                                        + unschedulable(p));
                            }
                        })),
                check("WL-024", "Pod failed", WORKLOAD, WARNING,
                        "A failed pod that is not part of a Job usually means the application or the node broke.",
                        "Read its status message and events, then delete it once understood.", refs("Kubernetes docs: Pod lifecycle"),
                        pods((inv, p, out) -> {
                            if ("Failed".equals(phase(p)) && !"Evicted".equals(p.getStatus().getReason())
                                    && Inventory.owners(p).stream().noneMatch(o -> "Job".equals(o.getKind()))) {
                                out.report(ObjectRef.of(p), "pod Failed" + (p.getStatus().getReason() == null ? "" : ": " + p.getStatus().getReason()));
                            }
                        })),
                check("WL-025", "Container OOM-killed", WORKLOAD, WARNING,
                        "The container was killed for exceeding its memory limit.",
                        "Raise the memory limit or fix the leak.", refs("Kubernetes docs: Resource management"),
                        pods((inv, p, out) -> {
                            for (ContainerStatus s : statuses(p)) {
                                if (s.getLastState() != null && s.getLastState().getTerminated() != null
                                        && "OOMKilled".equals(s.getLastState().getTerminated().getReason())) {
                                    out.report(ObjectRef.of(p), "container '" + s.getName() + "' was OOM-killed");
                                }
                            }
                        })),
                check("WL-026", "Running pod not ready", WORKLOAD, WARNING,
                        "A pod Running for minutes whose readiness probe fails receives no traffic.",
                        "Check the readiness probe and the application's dependencies.", refs("Kubernetes docs: Probes"),
                        pods((inv, p, out) -> {
                            if ("Running".equals(phase(p)) && !ready(p) && waitingReason(p) == null
                                    && inv.age(p).compareTo(PENDING_TOO_LONG) > 0) {
                                out.report(ObjectRef.of(p), "Running but not ready");
                            }
                        })),
                check("WL-027", "Pod stuck terminating", WORKLOAD, WARNING,
                        "A pod that stays Terminating usually waits for a finalizer or an unreachable node.",
                        "Check finalizers and the node; force-delete only when the node is gone.", refs("Kubernetes docs: Pod termination"),
                        pods((inv, p, out) -> {
                            java.time.Instant deleted = Inventory.instant(p.getMetadata().getDeletionTimestamp());
                            if (deleted != null && Duration.between(deleted, inv.now()).compareTo(Duration.ofMinutes(10)) > 0) {
                                out.report(ObjectRef.of(p), "Terminating since " + deleted);
                            }
                        })));
    }

    interface PodRule {
        void check(Inventory inv, Pod pod, Check.Sink out);
    }

    static Check.Rule pods(PodRule rule) {
        return (inv, out) -> {
            for (Pod p : inv.all(Pod.class)) {
                if (p.getStatus() != null) {
                    rule.check(inv, p, out);
                }
            }
        };
    }

    static String phase(Pod p) {
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    static List<ContainerStatus> statuses(Pod p) {
        List<ContainerStatus> all = new ArrayList<>();
        if (p.getStatus() != null) {
            if (p.getStatus().getInitContainerStatuses() != null) {
                all.addAll(p.getStatus().getInitContainerStatuses());
            }
            if (p.getStatus().getContainerStatuses() != null) {
                all.addAll(p.getStatus().getContainerStatuses());
            }
        }
        return all;
    }

    static boolean ready(Pod p) {
        if (p.getStatus() == null || p.getStatus().getConditions() == null) {
            return false;
        }
        for (PodCondition c : p.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    private static String waitingReason(Pod p) {
        for (ContainerStatus s : statuses(p)) {
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null
                    && !"ContainerCreating".equals(s.getState().getWaiting().getReason())
                    && !"PodInitializing".equals(s.getState().getWaiting().getReason())) {
                return s.getState().getWaiting().getReason();
            }
        }
        return null;
    }

    private static void waiting(Pod p, Set<String> reasons, Check.Sink out) {
        for (ContainerStatus s : statuses(p)) {
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null
                    && reasons.contains(s.getState().getWaiting().getReason())) {
                String msg = s.getState().getWaiting().getMessage();
                out.report(ObjectRef.of(p), "container '" + s.getName() + "' is in " + s.getState().getWaiting().getReason()
                        + (msg == null || msg.isBlank() ? "" : ": " + msg));
            }
        }
    }

    private static String unschedulable(Pod p) {
        if (p.getStatus().getConditions() != null) {
            for (PodCondition c : p.getStatus().getConditions()) {
                if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && c.getMessage() != null) {
                    return ": " + c.getMessage();
                }
            }
        }
        return "";
    }

    /** The tag of an image reference, null when it has none. */
    static String tag(String image) {
        if (image == null) {
            return null;
        }
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(colon + 1) : null;
    }

    private static List<String> duplicates(Container c) {
        if (c.getEnv() == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        return c.getEnv().stream().map(EnvVar::getName).filter(n -> !seen.add(n)).distinct().toList();
    }

    static boolean jobFailed(Job j) {
        return j.getStatus() != null && j.getStatus().getConditions() != null && j.getStatus().getConditions().stream()
                .anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean daemonSetUnavailable(DaemonSet d) {
        return d.getStatus() != null && d.getStatus().getNumberUnavailable() != null && d.getStatus().getNumberUnavailable() > 0;
    }
}
