import { api } from './client';
import type { EventSummary, PodSummary } from './types';

/** A Kubernetes PodList page (items as Kubernetes JSON). */
export interface PodPage {
  items: Record<string, unknown>[];
  metadata?: { continue?: string; resourceVersion?: string };
}

const enc = encodeURIComponent;

function podPath(c: string, ns: string, name: string): string {
  return `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/pods/${enc(name)}`;
}

export const podsApi = {
  /** One page of pods of a namespace, or of every namespace the user may list (server-side paging). */
  page: (c: string, ns: string | undefined, q: { limit: number; continue?: string; labelSelector?: string }, signal?: AbortSignal) =>
    api.get<PodPage>(ns ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/resources/pods` : `/api/v1/clusters/${enc(c)}/resources/pods`, q, signal),
  get: (c: string, ns: string, name: string) => api.get<PodSummary>(podPath(c, ns, name)),
  remove: (c: string, ns: string, name: string) => api.del<void>(podPath(c, ns, name)),
  events: (c: string, ns: string, name: string) =>
    api.get<EventSummary[]>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/events`, { kind: 'Pod', name }),
  logUrl: (c: string, ns: string, name: string, container: string, download = false) =>
    `${podPath(c, ns, name)}/log?container=${enc(container)}${download ? '&download=true' : '&tailLines=1000'}`,
  followUrl: (c: string, ns: string, name: string, container: string, tailLines = 100) =>
    `${podPath(c, ns, name)}/log/follow?container=${enc(container)}&tailLines=${tailLines}`,
};
