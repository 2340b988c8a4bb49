package io.flotilla.resource;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a workload's rollout history.
 *
 * @param source the ReplicaSet (Deployments) or ControllerRevision (StatefulSets, DaemonSets) holding it
 * @param current true for the revision the workload runs now
 */
public record Revision(long revision, String source, List<String> images, Instant createdAt, boolean current) {}
