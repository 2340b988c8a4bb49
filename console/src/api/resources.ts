import { api } from './client';
import type { ResourceTable } from './types';

const enc = encodeURIComponent;

/** resource ResourceType: a kind the cluster serves (CRDs included) */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
}

/** The name the API accepts for a type: "pods", "deployments.apps", "widgets.example.com". */
export function typeName(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export const resourcesApi = {
  types: (c: string) => api.get<ResourceType[]>(`/api/v1/clusters/${enc(c)}/api-resources`),
  table: (c: string, type: string, ns: string | undefined, q: { limit: number; continue?: string }) =>
    api.get<ResourceTable>(ns ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/tables/${enc(type)}` : `/api/v1/clusters/${enc(c)}/tables/${enc(type)}`, q),
  get: (c: string, type: string, ns: string | undefined, name: string) =>
    api.get<Record<string, unknown>>(ns ? `/api/v1/clusters/${enc(c)}/namespaces/${enc(ns)}/resources/${enc(type)}/${enc(name)}`
      : `/api/v1/clusters/${enc(c)}/resources/${enc(type)}/${enc(name)}`),
};
