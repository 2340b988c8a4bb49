package io.flotilla.audit;

import java.time.Instant;

/**
 * Filters of the audit query and export; every field may be null (no filter).
 *
 * @param from entries at or after this time
 * @param to entries before this time
 * @param actor exact user name
 * @param action exact action, or a prefix ending in '.' ("users." = every users action)
 * @param kind exact target resource type
 * @param name target name
 * @param fuzzy true: {@code name} matches anywhere, case-insensitively; false: exact
 * @param cluster exact target cluster
 * @param namespace exact target namespace
 * @param result "success" or "failure"
 * @param status exact HTTP status
 */
record AuditQuery(Instant from, Instant to, String actor, String action, String kind, String name, boolean fuzzy,
        String cluster, String namespace, String result, Integer status) {}
