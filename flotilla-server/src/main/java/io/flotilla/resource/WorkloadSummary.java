package io.flotilla.resource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workload as list views show it.
 *
 * @param state Running, Progressing, Degraded, Stopped or Failed (see {@link WorkloadState})
 * @param conditions type → "status: reason (message)"
 */
public record WorkloadSummary(
        String kind,
        String namespace,
        String name,
        List<String> images,
        int desired,
        int ready,
        int available,
        int updated,
        String state,
        Map<String, String> labels,
        Map<String, String> conditions,
        Instant createdAt) {}
