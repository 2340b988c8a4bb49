// Types and calls of the live-update, workload paging and search endpoints.
import { api } from './client';
import type { WorkloadSummary } from './types';

const enc = encodeURIComponent;

/** io.flotilla.platform.Page */
export interface Page<T> { items: T[]; continueToken?: string | null }

/** One server-sent change (event name = type); row only on the workload stream. */
export interface WatchEvent<R = WorkloadSummary> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: Record<string, unknown>;
  row?: R;
}

function query(q: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

export const liveApi = {
  workloadPage: (c: string, q: { namespace?: string; kind?: string; name?: string; limit: number; continue?: string }, signal?: AbortSignal) =>
    api.get<Page<WorkloadSummary>>(`/api/v1/clusters/${enc(c)}/workloads`, q, signal),
  workloadWatchUrl: (c: string, namespace?: string, kind?: string) =>
    `/api/v1/clusters/${enc(c)}/workloads/watch${query({ namespace, kind })}`,
  watchUrl: (c: string, type: string, namespace?: string, q: { labelSelector?: string; resourceVersion?: string } = {}) =>
    (namespace ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(namespace)}/watch/${enc(type)}` : `/api/v1/clusters/${enc(c)}/watch/${enc(type)}`)
    + query(q),
};

/** io.flotilla.search.SearchController.SearchHit */
export interface SearchHit {
  cluster: string; group: string; version: string; resource: string; kind: string; namespace?: string | null;
  name: string; uid?: string; labels?: Record<string, string>; created?: string; resourceVersion?: string;
  status?: string | null; node?: string | null; ready?: string | null;
}

export interface SearchResults { items: SearchHit[]; continue?: string | null; remainingItemCount?: number | null }

export interface SyncStatus { cluster: string; phase: string; message?: string | null; objects: number }

export const searchApi = {
  search: (q: { resources: string; clusters?: string; namespaces?: string; fuzzyName?: string; labelSelector?: string; limit: number; continue?: string; withRemainingCount?: boolean }, signal?: AbortSignal) =>
    api.get<SearchResults>('/api/v1/search', q, signal),
  status: (signal?: AbortSignal) => api.get<{ items: SyncStatus[]; continue?: string | null }>('/api/v1/search/status', { limit: 500 }, signal),
};
