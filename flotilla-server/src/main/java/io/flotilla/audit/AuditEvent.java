package io.flotilla.audit;

/**
 * One thing to record, before it is chained into the log.
 *
 * @param actor user name (or the attempted one for a failed login; "anonymous"; "system")
 * @param accessKeyId id of the access key used, or null
 * @param sourceIp the client's address
 * @param userAgent the client's User-Agent header (truncated)
 * @param action what happened: {@code <kind>.<verb>} for API calls (users.create, clusters.probe),
 *     or login, logout, login.failed, user.locked, accesskey.use
 * @param target what it touched
 * @param status HTTP status of the outcome (2xx/3xx success, else failure)
 * @param requestId the request id, as in the logs and problem responses
 * @param summary a short description of the change, secrets removed
 */
public record AuditEvent(String actor, String accessKeyId, String sourceIp, String userAgent, String action,
        AuditTarget target, int status, String requestId, String summary) {}
