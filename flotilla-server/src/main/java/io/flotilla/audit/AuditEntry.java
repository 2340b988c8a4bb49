package io.flotilla.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit entry.
 *
 * @param seq position in the log (increasing)
 * @param id stable id
 * @param time when it happened
 * @param result "success" for 1xx-3xx statuses, else "failure"
 * @param prevHash hash of the previous entry ("genesis" for the first one)
 * @param hash SHA-256 over prevHash and this entry's content
 */
public record AuditEntry(long seq, UUID id, Instant time, String actor, String accessKeyId, String sourceIp,
        String userAgent, String action, AuditTarget target, int status, String result, String requestId,
        String summary, String prevHash, String hash) {

    static String resultOf(int status) {
        return status < 400 ? "success" : "failure";
    }
}
