import { api, request } from './client';
import type { ApplyReport, EventSummary, PodSummary, Revision, WorkloadKind, WorkloadSummary } from './types';
import type { WorkloadForm } from '../pages/workloads/workloadForm';

const enc = encodeURIComponent;

function base(cluster: string, namespace: string, kind: string, name: string): string {
  return `/api/v1/clusters/${enc(cluster)}/namespaces/${enc(namespace)}/workloads/${enc(kind)}/${enc(name)}`;
}

export const workloadsApi = {
  list: (cluster: string, namespace?: string, kind?: string) =>
    api.get<WorkloadSummary[]>(`/api/v1/clusters/${enc(cluster)}/workloads`, { namespace, kind }),
  get: (c: string, ns: string, kind: string, name: string) => api.get<WorkloadSummary>(base(c, ns, kind, name)),
  create: (c: string, ns: string, form: WorkloadForm) =>
    api.post<WorkloadSummary>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/workloads`, form),
  scale: (c: string, ns: string, kind: string, name: string, replicas: number) =>
    api.post<WorkloadSummary>(base(c, ns, kind, name) + '/scale', { replicas }),
  restart: (c: string, ns: string, kind: string, name: string) => api.post<WorkloadSummary>(base(c, ns, kind, name) + '/restart'),
  image: (c: string, ns: string, kind: string, name: string, container: string, image: string) =>
    api.post<WorkloadSummary>(base(c, ns, kind, name) + '/image', { container, image }),
  pause: (c: string, ns: string, kind: string, name: string) => api.post<WorkloadSummary>(base(c, ns, kind, name) + '/pause'),
  resume: (c: string, ns: string, kind: string, name: string) => api.post<WorkloadSummary>(base(c, ns, kind, name) + '/resume'),
  revisions: (c: string, ns: string, kind: string, name: string) => api.get<Revision[]>(base(c, ns, kind, name) + '/revisions'),
  rollback: (c: string, ns: string, kind: string, name: string, revision: number) =>
    api.post<WorkloadSummary>(base(c, ns, kind, name) + '/rollback', { revision }),
  pods: (c: string, ns: string, kind: string, name: string) => api.get<PodSummary[]>(base(c, ns, kind, name) + '/pods'),
  events: (c: string, ns: string, kind: string, name: string) => api.get<EventSummary[]>(base(c, ns, kind, name) + '/events'),
  remove: (c: string, ns: string, kind: WorkloadKind | string, name: string) =>
    api.del<void>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/resources/${enc(kind)}/${enc(name)}`),
  /** The live object (Kubernetes JSON, without managedFields). */
  object: (c: string, ns: string, kind: string, name: string) =>
    api.get<Record<string, unknown>>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/resources/${enc(kind)}/${enc(name)}`),
  apply: (c: string, yaml: string, namespace: string | undefined, dryRun: boolean) =>
    request<ApplyReport>(`/api/v1/clusters/${enc(c)}/apply`, {
      method: 'POST', body: yaml, contentType: 'application/yaml', query: { namespace, dryRun },
    }),
};

export const workloadFormApi = {
  /** The workload as the server's form model (it may hold more fields than the console edits: they are sent back unchanged). */
  read: (c: string, ns: string, kind: string, name: string) =>
    api.get<WorkloadForm>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/workloads/${enc(kind)}/${enc(name)}/form`),
  update: (c: string, ns: string, kind: string, name: string, form: WorkloadForm) =>
    api.put<WorkloadSummary>(`/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/workloads/${enc(kind)}/${enc(name)}/form`, form),
};
