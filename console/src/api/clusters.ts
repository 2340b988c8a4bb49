import { api } from './client';
import type { Cluster, ClusterRequest, NamespaceSummary, Overview, Page, VerificationResult } from './types';

const enc = encodeURIComponent;

export const clustersApi = {
  list: (q: { limit?: number; continue?: string; labelSelector?: string; phase?: string } = {}) =>
    api.get<Page<Cluster>>('/api/v1/clusters', q),
  get: (name: string) => api.get<Cluster>(`/api/v1/clusters/${enc(name)}`),
  verify: (body: ClusterRequest) => api.post<VerificationResult>('/api/v1/cluster-verifications', body),
  create: (body: ClusterRequest) => api.post<Cluster>('/api/v1/clusters', body),
  remove: (name: string) => api.del<void>(`/api/v1/clusters/${enc(name)}`),
  overview: (name: string) => api.get<Overview>(`/api/v1/clusters/${enc(name)}/overview`),
  namespaces: (name: string) => api.get<NamespaceSummary[]>(`/api/v1/clusters/${enc(name)}/namespaces`),
};
