package io.flotilla.audit;

/**
 * The audit trail's public face. Mutating API calls are recorded by a filter without any code in
 * the endpoints; modules record other events (logins, lockouts, key use) with {@link #record}, and
 * may name the target of the current request more precisely with {@link #describe}.
 */
public interface AuditLog {

    /** Request attribute: id of the access key that authenticated the request. */
    String ACCESS_KEY_ATTRIBUTE = "io.flotilla.audit.accessKeyId";

    /**
     * Records an event now, in its own transaction. Source IP, user agent and request id are taken
     * from the current request when there is one. Never throws: a failure is logged.
     */
    void record(String action, String actor, String accessKeyId, AuditTarget target, int status, String summary);

    /**
     * For the request being handled: replaces the target derived from the URL and adds a summary
     * (never pass secrets). The entry itself is still written by the filter when the request ends.
     */
    void describe(AuditTarget target, String summary);
}
