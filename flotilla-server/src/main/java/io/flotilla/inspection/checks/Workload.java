package io.flotilla.inspection.checks;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Something that owns a pod template: a Deployment, StatefulSet, DaemonSet, Job, CronJob, a ReplicaSet
 * without a Deployment, or a bare Pod. Template checks look at these instead of every pod, so a
 * Deployment with 50 replicas gives one finding.
 *
 * @param object the workload object itself
 * @param template metadata of the pod template (the pod's own metadata for bare pods)
 * @param spec the pod spec of the template
 * @param replicas desired replicas for Deployments, StatefulSets and ReplicaSets; null otherwise
 * @param longRunning true unless the workload runs to completion (Job, CronJob)
 */
public record Workload(HasMetadata object, ObjectMeta template, PodSpec spec, Integer replicas, boolean longRunning) {

    public ObjectRef ref() {
        return ObjectRef.of(object);
    }

    public String kind() {
        return object.getKind();
    }

    public String namespace() {
        return object.getMetadata().getNamespace();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    /** The labels of the pod template. */
    public Map<String, String> podLabels() {
        return template == null || template.getLabels() == null ? Map.of() : template.getLabels();
    }

    public Map<String, String> podAnnotations() {
        return template == null || template.getAnnotations() == null ? Map.of() : template.getAnnotations();
    }

    /** Regular containers only. */
    public List<Container> containers() {
        return spec.getContainers() == null ? List.of() : spec.getContainers();
    }

    /** Init containers followed by regular containers. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        all.addAll(containers());
        return all;
    }
}
