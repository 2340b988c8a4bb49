import { api } from './client';
import type { DrainReport, NodeSummary } from './types';

const enc = encodeURIComponent;

export const nodesApi = {
  list: (c: string) => api.get<NodeSummary[]>(`/api/v1/clusters/${enc(c)}/nodes`),
  cordon: (c: string, n: string) => api.post<NodeSummary>(`/api/v1/clusters/${enc(c)}/nodes/${enc(n)}/cordon`),
  uncordon: (c: string, n: string) => api.post<NodeSummary>(`/api/v1/clusters/${enc(c)}/nodes/${enc(n)}/uncordon`),
  drain: (c: string, n: string) => api.post<DrainReport>(`/api/v1/clusters/${enc(c)}/nodes/${enc(n)}/drain`),
  drainStatus: (id: string) => api.get<DrainReport>(`/api/v1/drains/${enc(id)}`),
};
