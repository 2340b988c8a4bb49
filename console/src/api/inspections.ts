// Cluster inspection API (/api/v1/inspections, docs/inspection.md): runs, reports, findings, fleet.
import { api, url } from './client';

/** inspection InspectionRun */
export interface InspectionRun {
  id: string;
  cluster: string;
  status: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  reason?: string | null;
  trigger?: string;
  requestedBy?: string | null;
  progress?: { step: number; steps: number; current?: string | null } | null;
  objects?: number | null;
  checksEvaluated?: number | null;
  findings?: number | null;
  score?: number | null;
  warnings?: string[] | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
}

/** inspection FindingView */
export interface Finding {
  key: string;
  checkId: string;
  title: string;
  category: string;
  severity: 'critical' | 'warning' | 'info';
  cluster: string;
  kind?: string | null;
  namespace?: string | null;
  name?: string | null;
  message: string;
  remediation?: string | null;
  link?: string | null;
  acknowledged: boolean;
}

/** inspection Report */
export interface Report {
  runId: string;
  cluster: string;
  finishedAt: string;
  complete: boolean;
  score: number;
  findings: number;
  acknowledged: number;
  bySeverity: Record<string, number>;
  byCategory: Record<string, number>;
  trend: { previousRunId?: string | null; previousScore?: number | null; newCount: number; resolvedCount: number };
  history: { runId: string; finishedAt: string; score: number }[];
  warnings: string[];
  checksEvaluated: number;
  objects: number;
}

/** inspection Fleet */
export interface Fleet {
  clusters: { cluster: string; runId: string; finishedAt: string; score: number; findings: number; critical: number;
    warning: number; info: number; complete: boolean }[];
  worst: Finding[];
}

export interface FindingFilter {
  severity?: string;
  category?: string;
  namespace?: string;
}

export interface Paged<T> {
  items: T[];
  continueToken?: string | null;
}

const base = '/api/v1/inspections';
const enc = encodeURIComponent;

export const inspectionsApi = {
  latestReport: (cluster: string, signal?: AbortSignal) => api.get<Report>(`${base}/clusters/${enc(cluster)}/report`, undefined, signal),
  runs: (cluster: string, limit = 10) => api.get<Paged<InspectionRun>>(`${base}/clusters/${enc(cluster)}/runs`, { limit }),
  start: (cluster: string) => api.post<InspectionRun>(`${base}/clusters/${enc(cluster)}/runs`),
  run: (id: string) => api.get<InspectionRun>(`${base}/runs/${enc(id)}`),
  findings: (runId: string, f: FindingFilter, q: { limit?: number; continue?: string }, signal?: AbortSignal) =>
    api.get<Paged<Finding>>(`${base}/runs/${enc(runId)}/findings`, { ...f, ...q }, signal),
  exportUrl: (runId: string, format: 'json' | 'csv' | 'html') => url(`${base}/runs/${enc(runId)}/export`, { format }),
  fleet: () => api.get<Fleet>(`${base}/fleet`),
};
