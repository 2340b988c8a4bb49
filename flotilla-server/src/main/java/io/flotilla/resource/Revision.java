package io.flotilla.resource;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a workload's rollout history.
 *
 * @param source the ReplicaSet (Deployments) or ControllerRevision (StatefulSets, DaemonSets) holding it
 * @param current true for the revision the workload runs now
 * @param template the revision's pod template (for Deployments without the ReplicaSet's
 *     {@code pod-template-hash} label), so a rollback can show what changes; null when unreadable
 */
public record Revision(long revision, String source, List<String> images, Instant createdAt, boolean current,
        PodTemplateSpec template) {}
