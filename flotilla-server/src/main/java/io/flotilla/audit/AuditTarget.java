package io.flotilla.audit;

/**
 * What an audited action touched. Any field may be null.
 *
 * @param module platform module, e.g. iam, cluster, audit
 * @param cluster member cluster, when the target lives in one
 * @param namespace namespace in that cluster
 * @param kind resource type, e.g. users, clusters, deployments.apps
 * @param name the object's name (or id)
 */
public record AuditTarget(String module, String cluster, String namespace, String kind, String name) {

    public static AuditTarget of(String module, String kind, String name) {
        return new AuditTarget(module, null, null, kind, name);
    }
}
