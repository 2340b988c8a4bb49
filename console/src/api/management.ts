import { api, url } from './client';

/** iam UserService.User */
export interface User {
  username: string;
  displayName?: string;
  email?: string;
  enabled: boolean;
  source: string;
  locked: boolean;
  lockedUntil?: string;
  failedLogins: number;
  lastLoginAt?: string;
  createdAt: string;
  /** only when reading one user */
  groups?: string[] | null;
}

/** audit AuditEntry */
export interface AuditEntry {
  seq: number;
  id: string;
  time: string;
  actor: string;
  accessKeyId?: string;
  sourceIp?: string;
  userAgent?: string;
  action: string;
  target: { module?: string; cluster?: string; namespace?: string; kind?: string; name?: string };
  status: number;
  result: string;
  requestId?: string;
  summary?: string;
}

export interface ListWithContinue<T> {
  items: T[];
  continue?: string | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  kind?: string;
  cluster?: string;
  namespace?: string;
  result?: string;
  from?: string;
  to?: string;
}

export const managementApi = {
  users: (q: { search?: string; limit?: number; continue?: string }) => api.get<ListWithContinue<User>>('/api/v1/users', q),
  audit: (f: AuditFilter, q: { limit?: number; continue?: string }) =>
    api.get<ListWithContinue<AuditEntry>>('/api/v1/audit', { ...f, ...q }),
  auditCsvUrl: (f: AuditFilter) => url('/api/v1/audit/export', { ...f }),
};
