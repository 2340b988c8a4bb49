package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the facts and summary of a typed workload object. Pure. */
public final class Workloads {

    private Workloads() {}

    public static WorkloadSummary summarize(HasMetadata w) {
        WorkloadState.Facts f = facts(w);
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions(w).forEach(conditions::put);
        Instant created = w.getMetadata().getCreationTimestamp() == null ? null
                : Instant.parse(w.getMetadata().getCreationTimestamp());
        return new WorkloadSummary(w.getKind(), w.getMetadata().getNamespace(), w.getMetadata().getName(),
                podSpec(w) == null ? List.of() : podSpec(w).getContainers().stream().map(Container::getImage).toList(),
                f.desired(), f.ready(), f.available(), f.updated(), WorkloadState.of(f),
                w.getMetadata().getLabels() == null ? Map.of() : w.getMetadata().getLabels(), conditions, created);
    }

    public static WorkloadState.Facts facts(HasMetadata w) {
        return switch (w) {
            case Deployment d -> {
                var s = d.getStatus();
                int desired = orZero(d.getSpec().getReplicas(), 1);
                boolean deadline = s != null && s.getConditions() != null && s.getConditions().stream().anyMatch(c ->
                        "Progressing".equals(c.getType()) && "False".equals(c.getStatus())
                                && "ProgressDeadlineExceeded".equals(c.getReason()));
                yield new WorkloadState.Facts(desired, s == null ? 0 : orZero(s.getReplicas(), 0),
                        s == null ? 0 : orZero(s.getReadyReplicas(), 0), s == null ? 0 : orZero(s.getAvailableReplicas(), 0),
                        s == null ? 0 : orZero(s.getUpdatedReplicas(), 0), desired == 0, deadline,
                        !Boolean.TRUE.equals(d.getSpec().getPaused()) && unobserved(d, s == null ? null : s.getObservedGeneration()));
            }
            case StatefulSet st -> {
                var s = st.getStatus();
                int desired = orZero(st.getSpec().getReplicas(), 1);
                yield new WorkloadState.Facts(desired, s == null ? 0 : orZero(s.getReplicas(), 0),
                        s == null ? 0 : orZero(s.getReadyReplicas(), 0), s == null ? 0 : orZero(s.getAvailableReplicas(), 0),
                        s == null ? 0 : orZero(s.getUpdatedReplicas(), 0), desired == 0, false,
                        unobserved(st, s == null ? null : s.getObservedGeneration()));
            }
            case DaemonSet ds -> {
                var s = ds.getStatus();
                int desired = s == null ? 0 : orZero(s.getDesiredNumberScheduled(), 0);
                yield new WorkloadState.Facts(desired, s == null ? 0 : orZero(s.getCurrentNumberScheduled(), 0),
                        s == null ? 0 : orZero(s.getNumberReady(), 0), s == null ? 0 : orZero(s.getNumberAvailable(), 0),
                        s == null ? 0 : orZero(s.getUpdatedNumberScheduled(), 0), false, false,
                        unobserved(ds, s == null ? null : s.getObservedGeneration()));
            }
            case Job j -> {
                var s = j.getStatus();
                int active = s == null ? 0 : orZero(s.getActive(), 0);
                boolean complete = hasCondition(s == null ? null : s.getConditions(), "Complete");
                boolean failed = hasCondition(s == null ? null : s.getConditions(), "Failed");
                boolean suspended = Boolean.TRUE.equals(j.getSpec().getSuspend());
                yield new WorkloadState.Facts(active, active, active, active, active, complete || suspended, failed,
                        !complete && !suspended && active == 0);
            }
            case CronJob cj -> new WorkloadState.Facts(0, 0, 0, 0, 0, Boolean.TRUE.equals(cj.getSpec().getSuspend()),
                    false, false);
            default -> throw new IllegalArgumentException("not a workload: " + w.getKind());
        };
    }

    public static PodSpec podSpec(HasMetadata w) {
        return switch (w) {
            case Deployment d -> d.getSpec().getTemplate().getSpec();
            case StatefulSet s -> s.getSpec().getTemplate().getSpec();
            case DaemonSet d -> d.getSpec().getTemplate().getSpec();
            case Job j -> j.getSpec().getTemplate().getSpec();
            case CronJob c -> c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
            default -> null;
        };
    }

    private static Map<String, String> conditions(HasMetadata w) {
        Map<String, String> out = new LinkedHashMap<>();
        List<?> raw = switch (w) {
            case Deployment d -> d.getStatus() == null ? null : d.getStatus().getConditions();
            case StatefulSet s -> s.getStatus() == null ? null : s.getStatus().getConditions();
            case DaemonSet d -> d.getStatus() == null ? null : d.getStatus().getConditions();
            case Job j -> j.getStatus() == null ? null : j.getStatus().getConditions();
            default -> null;
        };
        if (raw == null) {
            return out;
        }
        for (Object c : raw) {
            switch (c) {
                case io.fabric8.kubernetes.api.model.apps.DeploymentCondition d ->
                        out.put(d.getType(), describe(d.getStatus(), d.getReason(), d.getMessage()));
                case io.fabric8.kubernetes.api.model.apps.StatefulSetCondition s ->
                        out.put(s.getType(), describe(s.getStatus(), s.getReason(), s.getMessage()));
                case io.fabric8.kubernetes.api.model.apps.DaemonSetCondition d ->
                        out.put(d.getType(), describe(d.getStatus(), d.getReason(), d.getMessage()));
                case io.fabric8.kubernetes.api.model.batch.v1.JobCondition j ->
                        out.put(j.getType(), describe(j.getStatus(), j.getReason(), j.getMessage()));
                default -> { }
            }
        }
        return out;
    }

    private static String describe(String status, String reason, String message) {
        return status + (reason == null ? "" : ": " + reason) + (message == null ? "" : " (" + message + ")");
    }

    private static boolean hasCondition(List<io.fabric8.kubernetes.api.model.batch.v1.JobCondition> conditions,
            String type) {
        return conditions != null && conditions.stream().anyMatch(c -> type.equals(c.getType())
                && "True".equals(c.getStatus()));
    }

    private static boolean unobserved(HasMetadata w, Long observed) {
        Long generation = w.getMetadata().getGeneration();
        return generation != null && (observed == null || observed < generation);
    }

    private static int orZero(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
