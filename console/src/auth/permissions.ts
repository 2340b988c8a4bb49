// What the signed-in user may do, from GET /api/v1/me (the server decides every request; the
// console only hides what would be refused). Pure functions, unit-tested.
import type { Me } from '../api/types';

const PLATFORM_KUBE_WRITERS = ['Admin', 'Cluster Owner'];
const CLUSTER_WRITERS = ['Cluster Admin'];
const NAMESPACE_WRITERS = ['NS Admin', 'NS Edit'];

export function can(me: Me | null, resource: string, verb: string): boolean {
  return !!me && (me.can[resource] ?? []).includes(verb);
}

/** May change Kubernetes objects (workloads, pods) in the namespace of the cluster. */
export function canEditNamespace(me: Me | null, cluster: string, namespace: string | undefined): boolean {
  if (!me) return false;
  if (me.platformRoles.some((r) => PLATFORM_KUBE_WRITERS.includes(r))) return true;
  return me.grants.some((g) =>
    (g.scopeKind === 'cluster' && g.scope === cluster && CLUSTER_WRITERS.includes(g.role)) ||
    (g.scopeKind === 'namespace' && namespace !== undefined && g.scope === `${cluster}/${namespace}` && NAMESPACE_WRITERS.includes(g.role)));
}

/** May change something somewhere in the cluster (shows "Create" before a namespace is picked). */
export function canEditSomewhereIn(me: Me | null, cluster: string): boolean {
  if (!me) return false;
  if (canEditNamespace(me, cluster, undefined)) return true;
  return me.grants.some((g) => g.scopeKind === 'namespace' && g.scope.startsWith(cluster + '/') && NAMESPACE_WRITERS.includes(g.role));
}

/** Namespaces of the cluster the user holds a namespace-scoped role in (for pickers of users without cluster-wide list). */
export function grantedNamespaces(me: Me | null, cluster: string): string[] {
  if (!me) return [];
  return [...new Set(me.grants.filter((g) => g.scopeKind === 'namespace' && g.scope.startsWith(cluster + '/'))
    .map((g) => g.scope.substring(cluster.length + 1)))].sort();
}
