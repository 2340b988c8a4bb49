package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.flotilla.platform.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** The workload kinds with operations of their own; their URL segment is the plural. */
public enum WorkloadKind {
    DEPLOYMENTS("deployments", "apps", "Deployment", true, Deployment.class),
    STATEFULSETS("statefulsets", "apps", "StatefulSet", true, StatefulSet.class),
    DAEMONSETS("daemonsets", "apps", "DaemonSet", false, DaemonSet.class),
    JOBS("jobs", "batch", "Job", false, Job.class),
    CRONJOBS("cronjobs", "batch", "CronJob", false, CronJob.class);

    private final String plural;
    private final String group;
    private final String kind;
    private final boolean scalable;
    private final Class<? extends HasMetadata> type;

    WorkloadKind(String plural, String group, String kind, boolean scalable, Class<? extends HasMetadata> type) {
        this.plural = plural;
        this.group = group;
        this.kind = kind;
        this.scalable = scalable;
        this.type = type;
    }

    /** The fabric8 model class. */
    public Class<? extends HasMetadata> type() {
        return type;
    }

    public String plural() {
        return plural;
    }

    public String kind() {
        return kind;
    }

    public boolean scalable() {
        return scalable;
    }

    /** The authorisation resource name, e.g. {@code deployments.apps}. */
    public String resource() {
        return plural + "." + group;
    }

    public static WorkloadKind of(String segment) {
        String s = segment.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.plural.equals(s) || k.kind.toLowerCase(Locale.ROOT).equals(s))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("kind", "'" + segment
                        + "' is not a workload kind: use deployments, statefulsets, daemonsets, jobs or cronjobs"));
    }
}
