package io.flotilla.cluster;

import java.time.Instant;

/**
 * A Kubernetes-style condition of a cluster ({@code Reachable}, {@code NodesReady}).
 *
 * @param status "True", "False" or "Unknown"
 * @param lastTransitionTime when the status last changed
 */
public record ClusterCondition(String type, String status, String reason, String message, Instant lastTransitionTime) {}
