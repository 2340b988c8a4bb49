import { api } from './client';
import type { EventSummary, PodSummary, ResourceTable } from './types';

const enc = encodeURIComponent;

function podPath(c: string, ns: string, name: string): string {
  return `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/pods/${enc(name)}`;
}

export const podsApi = {
  /** One page of pods as kubectl prints them (server-side paging). */
  table: (c: string, ns: string | undefined, q: { limit: number; continue?: string; labelSelector?: string }) =>
    api.get<ResourceTable>(ns ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/tables/pods` : `/api/v1/clusters/${enc(c)}/tables/pods`, q),
  get: (c: string, ns: string, name: string) => api.get<PodSummary>(podPath(c, ns, name)),
  remove: (c: string, ns: string, name: string) => api.del<void>(podPath(c, ns, name)),
  events: (c: string, ns: string, name: string) =>
    api.get<EventSummary[]>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/events`, { kind: 'Pod', name }),
  logUrl: (c: string, ns: string, name: string, container: string, download = false) =>
    `${podPath(c, ns, name)}/log?container=${enc(container)}${download ? '&download=true' : '&tailLines=1000'}`,
  followUrl: (c: string, ns: string, name: string, container: string, tailLines = 100) =>
    `${podPath(c, ns, name)}/log/follow?container=${enc(container)}&tailLines=${tailLines}`,
};
