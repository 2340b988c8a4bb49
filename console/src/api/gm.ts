// Global management: groups, folders and workspaces, resource bindings, shared-cluster quotas, roles
// and role bindings (io.flotilla.iam GroupController, TenancyController, SharingController, RoleController).
import { api } from './client';

const enc = encodeURIComponent;

export interface Paged<T> {
  items: T[];
  continue?: string | null;
}

/** iam GroupService.Group (members only when reading one group) */
export interface Group {
  name: string;
  description?: string | null;
  source: string;
  createdAt: string;
  members?: string[] | null;
}

/** iam FolderService.Folder: path from the top level down to (and including) the folder */
export interface Folder {
  name: string;
  parent?: string | null;
  path: string[];
  depth: number;
  createdAt: string;
}

/** iam WorkspaceService.Workspace */
export interface Workspace {
  name: string;
  folder?: string | null;
  path: string[];
  createdAt: string;
}

/** iam ResourceBindingService.ResourceBinding: a whole cluster when namespace is absent */
export interface ResourceBinding {
  id: string;
  workspace: string;
  cluster: string;
  namespace?: string | null;
  /** created from a shared-cluster quota */
  quota: boolean;
  createdAt: string;
}

/** iam QuotaService.Quota */
export interface Quota {
  workspace: string;
  cluster: string;
  hard: Record<string, string>;
  allocated: Record<string, string>;
  namespaces: string[];
}

export type ScopeKind = 'platform' | 'folder' | 'workspace' | 'cluster' | 'namespace';

/** iam RoleController.RoleView */
export interface Role {
  name: string;
  scopeKind: ScopeKind;
  description: string;
  permissions: Record<string, string[]>;
}

export interface ScopeRef {
  kind: ScopeKind;
  name?: string | null;
  cluster?: string | null;
  namespace?: string | null;
}

export interface Subject {
  kind: 'user' | 'group';
  name: string;
}

/** iam RoleBindingService.RoleBinding */
export interface RoleBinding {
  id: string;
  subject: Subject;
  role: string;
  scope: ScopeRef;
  createdAt: string;
}

export interface RoleBindingFilter {
  user?: string;
  group?: string;
  scopeKind?: string;
  folder?: string;
  workspace?: string;
  cluster?: string;
  namespace?: string;
}

/** Every page of a paged list (the tree needs all folders and workspaces; 500 per request). */
export async function all<T>(load: (token?: string) => Promise<Paged<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await load(token);
    out.push(...page.items);
    if (!page.continue) break;
    token = page.continue;
  }
  return out;
}

export const gmApi = {
  groups: (q: { limit?: number; continue?: string }) => api.get<Paged<Group>>('/api/v1/groups', q),
  group: (name: string) => api.get<Group>(`/api/v1/groups/${enc(name)}`),
  createGroup: (body: { name: string; description?: string }) => api.post<Group>('/api/v1/groups', body),
  deleteGroup: (name: string) => api.del<void>(`/api/v1/groups/${enc(name)}`),
  addMember: (group: string, user: string) => api.put<Group>(`/api/v1/groups/${enc(group)}/members/${enc(user)}`, {}),
  removeMember: (group: string, user: string) => api.del<Group>(`/api/v1/groups/${enc(group)}/members/${enc(user)}`),

  folders: (q: { limit?: number; continue?: string } = {}) => api.get<Paged<Folder>>('/api/v1/folders', q),
  allFolders: () => all((token) => gmApi.folders({ limit: 500, continue: token })),
  createFolder: (body: { name: string; parent?: string }) => api.post<Folder>('/api/v1/folders', body),
  updateFolder: (name: string, body: { name?: string; parent?: string }) => api.patch<Folder>(`/api/v1/folders/${enc(name)}`, body),
  deleteFolder: (name: string) => api.del<void>(`/api/v1/folders/${enc(name)}`),

  workspaces: (q: { limit?: number; continue?: string } = {}) => api.get<Paged<Workspace>>('/api/v1/workspaces', q),
  allWorkspaces: () => all((token) => gmApi.workspaces({ limit: 500, continue: token })),
  workspace: (name: string) => api.get<Workspace>(`/api/v1/workspaces/${enc(name)}`),
  createWorkspace: (body: { name: string; folder?: string }) => api.post<Workspace>('/api/v1/workspaces', body),
  updateWorkspace: (name: string, body: { name?: string; folder?: string }) =>
    api.patch<Workspace>(`/api/v1/workspaces/${enc(name)}`, body),
  deleteWorkspace: (name: string) => api.del<void>(`/api/v1/workspaces/${enc(name)}`),

  resourceBindings: (ws: string) => api.get<{ items: ResourceBinding[] }>(`/api/v1/workspaces/${enc(ws)}/resourcebindings`),
  bind: (ws: string, body: { cluster: string; namespace?: string }) =>
    api.post<ResourceBinding>(`/api/v1/workspaces/${enc(ws)}/resourcebindings`, body),
  unbind: (ws: string, id: string) => api.del<void>(`/api/v1/workspaces/${enc(ws)}/resourcebindings/${enc(id)}`),

  quotas: (ws: string) => api.get<{ items: Quota[] }>(`/api/v1/workspaces/${enc(ws)}/quotas`),
  putQuota: (ws: string, cluster: string, hard: Record<string, string>) =>
    api.put<Quota>(`/api/v1/workspaces/${enc(ws)}/quotas/${enc(cluster)}`, { hard }),
  deleteQuota: (ws: string, cluster: string) => api.del<void>(`/api/v1/workspaces/${enc(ws)}/quotas/${enc(cluster)}`),

  roles: () => api.get<{ items: Role[] }>('/api/v1/roles'),
  roleBindings: (f: RoleBindingFilter, q: { limit?: number; continue?: string }) =>
    api.get<Paged<RoleBinding>>('/api/v1/rolebindings', { ...f, ...q }),
  createRoleBinding: (body: { subject: Subject; role: string; scope: ScopeRef }) => api.post<RoleBinding>('/api/v1/rolebindings', body),
  deleteRoleBinding: (id: string) => api.del<void>(`/api/v1/rolebindings/${enc(id)}`),
};
