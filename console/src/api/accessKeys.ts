import { api } from './client';

/** iam AccessKeyService.AccessKey (never the secret) */
export interface AccessKey {
  id: string;
  user: string;
  name: string;
  createdAt: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
}

/** iam AccessKeyService.CreatedKey: the secret is shown once */
export interface CreatedKey {
  id: string;
  user: string;
  name: string;
  expiresAt?: string | null;
  secret: string;
}

export const accessKeysApi = {
  list: () => api.get<{ items: AccessKey[] }>('/api/v1/accesskeys'),
  create: (name: string, expiresInDays?: number) => api.post<CreatedKey>('/api/v1/accesskeys', { name, expiresInDays }),
  remove: (id: string) => api.del<void>(`/api/v1/accesskeys/${encodeURIComponent(id)}`),
};
