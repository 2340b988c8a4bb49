package io.flotilla.inspection;

import java.time.Instant;
import java.util.UUID;

/**
 * A finding someone accepted, with why and until when; while valid the finding does not count.
 *
 * @param findingKey the key of the acknowledged finding ({@code CHECK|Kind/namespace/name})
 */
public record Acknowledgement(UUID id, String cluster, String findingKey, String checkId, String kind, String namespace,
        String name, String reason, Instant expiresAt, String createdBy, Instant createdAt, boolean active) {

    /**
     * The request to acknowledge a finding.
     *
     * @param expiresAt when the acknowledgement lapses (at most a year ahead)
     */
    public record Request(String checkId, String kind, String namespace, String name, String reason, Instant expiresAt) {}
}
