// Generic Kubernetes objects (the resource API) and the Job/CronJob actions, for the dedicated
// resource pages.
import { api } from './client';
import type { NamespaceSummary, NodeSummary } from './types';

const enc = encodeURIComponent;

export type KubeObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A list page as the cluster answers it (metadata.continue for the next page). */
export interface KubeList {
  items: KubeObject[];
  metadata?: { continue?: string; resourceVersion?: string };
}

function path(c: string, type: string, ns: string | undefined, name?: string): string {
  const base = ns ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/resources/${enc(type)}` : `/api/v1/clusters/${enc(c)}/resources/${enc(type)}`;
  return name ? `${base}/${enc(name)}` : base;
}

/**
 * Body of namespace creation (resource NamespaceService.NamespaceRequest).
 * quotaPreset: small | medium | large.
 */
export interface NamespaceRequest {
  name: string;
  labels?: Record<string, string>;
  quotaPreset?: string;
  quota?: Record<string, string>;
  defaultLimits?: Record<string, string>;
  defaultRequests?: Record<string, string>;
}

export const kubeApi = {
  list: (c: string, type: string, ns: string | undefined, q: { limit: number; continue?: string; labelSelector?: string; nameContains?: string }, signal?: AbortSignal) =>
    api.get<KubeList>(path(c, type, ns), q, signal),
  get: (c: string, type: string, ns: string | undefined, name: string) => api.get<KubeObject>(path(c, type, ns, name)),
  remove: (c: string, type: string, ns: string | undefined, name: string) => api.del<void>(path(c, type, ns, name)),
};

export const namespaceApi = {
  create: (c: string, body: NamespaceRequest) => api.post<NamespaceSummary>(`/api/v1/clusters/${enc(c)}/namespaces`, body),
  remove: (c: string, name: string) => api.del<void>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(name)}`),
};

export const nodeEditApi = {
  /** Replaces the node's labels and taints ("key=value:Effect"). */
  edit: (c: string, node: string, labels: Record<string, string>, taints: string[]) =>
    api.patch<NodeSummary>(`/api/v1/clusters/${enc(c)}/nodes/${enc(node)}`, { labels, taints }),
};

export const jobsApi = {
  /** Runs a CronJob now; answers the name of the new Job. */
  trigger: (c: string, ns: string, cronJob: string) =>
    api.post<{ job: string }>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/workloads/cronjobs/${enc(cronJob)}/trigger`),
  rerun: (c: string, ns: string, job: string) =>
    api.post<unknown>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/workloads/jobs/${enc(job)}/rerun`),
};
