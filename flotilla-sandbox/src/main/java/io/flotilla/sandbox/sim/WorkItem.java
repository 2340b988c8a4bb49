package io.flotilla.sandbox.sim;

/**
 * One unit of reconciliation work; equal items queued twice are reconciled once.
 *
 * @param kind      which controller
 * @param namespace object namespace (null for cluster-scoped or cluster-wide work)
 * @param name      object name (null for cluster-wide work)
 */
record WorkItem(Kind kind, String namespace, String name) {

  /** Controllers. */
  enum Kind { SCHEDULE, POD, REPLICASET, DEPLOYMENT, STATEFULSET, DAEMONSET, ALL_DAEMONSETS, JOB, CRONJOB,
    ENDPOINTS, NODE, NAMESPACE, DISRUPTION }

  static WorkItem of(Kind kind, String namespace, String name) {
    return new WorkItem(kind, namespace, name);
  }
}
