// Where a search hit opens in the console. Pure.
import type { SearchHit } from '../../api/live';
import { podPath, workloadPath } from '../workloads/paths';

const WORKLOADS = new Set(['deployments', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs']);

export function hitPath(h: SearchHit): string {
  const enc = encodeURIComponent;
  if (h.resource === 'pods' && h.namespace) return podPath(h.cluster, h.namespace, h.name);
  if (WORKLOADS.has(h.resource) && h.namespace && (h.group === 'apps' || h.group === 'batch')) return workloadPath(h.cluster, h.namespace, h.resource, h.name);
  if (h.resource === 'nodes') return `/clusters/${enc(h.cluster)}/nodes?q=${enc(h.name)}`;
  if (h.resource === 'namespaces') return `/clusters/${enc(h.cluster)}/namespaces?q=${enc(h.name)}`;
  const type = h.group ? `${h.resource}.${h.group}` : h.resource;
  return `/clusters/${enc(h.cluster)}/resources?type=${enc(type)}${h.namespace ? '&namespace=' + enc(h.namespace) : ''}&name=${enc(h.name)}`;
}

/** Kinds offered by the kind picker (the index syncs these by default), as the search API names them. */
export const SEARCH_KINDS = ['pods', 'deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'cronjobs.batch',
  'services', 'ingresses.networking.k8s.io', 'configmaps', 'secrets', 'persistentvolumeclaims', 'nodes', 'namespaces'];
