// A cluster's inspection configuration (GET/PUT /api/v1/inspections/clusters/{c}/config).
import { api } from './client';

/** inspection InspectionConfig */
export interface InspectionConfig {
  cluster: string;
  categories: string[];
  checks: string[];
  disabledChecks: string[];
  severityOverrides: Record<string, string>;
  schedule?: string | null;
  retention: number;
  nextRunAt?: string | null;
  updatedAt?: string | null;
  updatedBy?: string | null;
}

/** inspection InspectionConfig.Update */
export type InspectionConfigUpdate = Omit<InspectionConfig, 'cluster' | 'nextRunAt' | 'updatedAt' | 'updatedBy' | 'schedule'> & { schedule: string | null };

const enc = encodeURIComponent;

export const inspectionConfigApi = {
  get: (cluster: string) => api.get<InspectionConfig>(`/api/v1/inspections/clusters/${enc(cluster)}/config`),
  put: (cluster: string, update: InspectionConfigUpdate) => api.put<InspectionConfig>(`/api/v1/inspections/clusters/${enc(cluster)}/config`, update),
};
