package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;

/**
 * A pod as lists show it.
 *
 * @param phase the pod phase, or the waiting reason of a container (CrashLoopBackOff, ImagePullBackOff)
 * @param ready "ready/total" containers
 */
public record PodSummary(String namespace, String name, String phase, String ready, int restarts, String node,
        String podIp, List<Container> containers, Instant createdAt) {

    /** One container's status. */
    public record Container(String name, String image, boolean ready, int restartCount, String state) {}

    public static PodSummary of(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        int total = pod.getSpec().getContainers().size();
        long ready = statuses.stream().filter(s -> Boolean.TRUE.equals(s.getReady())).count();
        int restarts = statuses.stream().mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount()).sum();
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
        for (ContainerStatus s : statuses) {
            if (s.getState() != null && s.getState().getWaiting() != null && s.getState().getWaiting().getReason() != null) {
                phase = s.getState().getWaiting().getReason();
            }
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            phase = "Terminating";
        }
        List<Container> containers = pod.getSpec().getContainers().stream().map(c -> {
            ContainerStatus s = statuses.stream().filter(x -> c.getName().equals(x.getName())).findFirst().orElse(null);
            String state = s == null || s.getState() == null ? "waiting"
                    : s.getState().getRunning() != null ? "running"
                    : s.getState().getTerminated() != null ? "terminated" : "waiting";
            return new Container(c.getName(), c.getImage(), s != null && Boolean.TRUE.equals(s.getReady()),
                    s == null || s.getRestartCount() == null ? 0 : s.getRestartCount(), state);
        }).toList();
        return new PodSummary(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), phase,
                ready + "/" + total, restarts, pod.getSpec().getNodeName(),
                pod.getStatus() == null ? null : pod.getStatus().getPodIP(), containers,
                pod.getMetadata().getCreationTimestamp() == null ? null : Instant.parse(pod.getMetadata().getCreationTimestamp()));
    }
}
