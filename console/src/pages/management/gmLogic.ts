// Pure logic of the global-management pages: the folder/workspace tree, where a node may move, which
// roles fit a scope, and form validation. No React, no I/O; unit-tested in gmLogic.test.ts.
import type { Folder, Role, ScopeKind, ScopeRef, Workspace } from '../../api/gm';
import { parseQuantity } from '../namespaces/quantity';

export const MAX_FOLDER_DEPTH = 5;

export type NodeKind = 'folder' | 'workspace';

export interface TenancyNode {
  /** "folder:<name>" or "workspace:<name>" (the selection in the URL) */
  id: string;
  kind: NodeKind;
  name: string;
  /** 1 for a top-level folder; a workspace has the depth of its folder + 1 */
  depth: number;
  children: TenancyNode[];
}

export const nodeId = (kind: NodeKind, name: string) => `${kind}:${name}`;

export function parseNodeId(id: string | null | undefined): { kind: NodeKind; name: string } | undefined {
  if (!id) return undefined;
  const i = id.indexOf(':');
  const kind = id.substring(0, i);
  if (i < 1 || (kind !== 'folder' && kind !== 'workspace')) return undefined;
  return { kind, name: id.substring(i + 1) };
}

/**
 * The tree from flat lists: folders by parent, workspaces as leaves of their folder. A folder or
 * workspace whose parent is not in the list (the user cannot see it) is shown at the top level.
 * Folders come before workspaces, each sorted by name.
 */
export function buildTree(folders: Folder[], workspaces: Workspace[]): TenancyNode[] {
  const byName = new Map(folders.map((f) => [f.name, f]));
  const children = new Map<string, Folder[]>();
  const top: Folder[] = [];
  for (const f of folders) {
    if (f.parent && byName.has(f.parent) && f.parent !== f.name) {
      children.set(f.parent, [...(children.get(f.parent) ?? []), f]);
    } else {
      top.push(f);
    }
  }
  const wsIn = new Map<string, Workspace[]>();
  const topWs: Workspace[] = [];
  for (const w of workspaces) {
    if (w.folder && byName.has(w.folder)) wsIn.set(w.folder, [...(wsIn.get(w.folder) ?? []), w]);
    else topWs.push(w);
  }
  const seen = new Set<string>();
  const byNameSort = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const folderNode = (f: Folder, depth: number): TenancyNode => {
    seen.add(f.name);
    const subFolders = (children.get(f.name) ?? []).filter((c) => !seen.has(c.name)).sort(byNameSort)
      .map((c) => folderNode(c, depth + 1));
    const leaves = (wsIn.get(f.name) ?? []).sort(byNameSort).map((w) => wsNode(w, depth + 1));
    return { id: nodeId('folder', f.name), kind: 'folder', name: f.name, depth, children: [...subFolders, ...leaves] };
  };
  const wsNode = (w: Workspace, depth: number): TenancyNode =>
    ({ id: nodeId('workspace', w.name), kind: 'workspace', name: w.name, depth, children: [] });
  return [...top.sort(byNameSort).map((f) => folderNode(f, 1)), ...topWs.sort(byNameSort).map((w) => wsNode(w, 1))];
}

/** Finds a node by id anywhere in the tree. */
export function findNode(tree: TenancyNode[], id: string): TenancyNode | undefined {
  for (const n of tree) {
    if (n.id === id) return n;
    const found = findNode(n.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The ids of the folders from the top down to the node's parent (to expand the tree to a selection). */
export function ancestors(tree: TenancyNode[], id: string): string[] {
  for (const n of tree) {
    if (n.id === id) return [];
    const below = ancestors(n.children, id);
    if (below.length > 0 || n.children.some((c) => c.id === id)) return [n.id, ...below];
  }
  return [];
}

/** Levels of folders in a subtree, counting the folder itself (workspaces do not count). */
function folderHeight(node: TenancyNode): number {
  if (node.kind !== 'folder') return 0;
  return 1 + Math.max(0, ...node.children.map(folderHeight));
}

/**
 * The folders a node may move into ("" = the top level): not the folder itself or anything below it
 * (a cycle), not its current parent, and for a folder only where its subtree stays within 5 levels.
 */
export function moveTargets(tree: TenancyNode[], id: string): string[] {
  const node = findNode(tree, id);
  if (!node) return [];
  const parentPath = ancestors(tree, id);
  const currentParent = parentPath.length ? parentPath[parentPath.length - 1] : '';
  const height = folderHeight(node);
  const out: string[] = [];
  if (currentParent !== '') out.push('');
  const walk = (nodes: TenancyNode[]) => {
    for (const n of nodes) {
      if (n.kind !== 'folder' || n.id === id) continue;
      if (n.id !== currentParent && n.depth + height <= MAX_FOLDER_DEPTH) out.push(n.name);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

/** May another folder be created under this one (folders at most 5 levels)? */
export function canHoldSubFolder(node: TenancyNode | undefined): boolean {
  return !node || (node.kind === 'folder' && node.depth < MAX_FOLDER_DEPTH);
}

/** Roles that can be bound on this kind of scope; namespace roles may also be bound on a whole cluster. */
export function rolesForScope(roles: Role[], kind: ScopeKind): Role[] {
  return roles.filter((r) => r.scopeKind === kind || (kind === 'cluster' && r.scopeKind === 'namespace'));
}

/** The scope as one short string: "platform", "workspace payments", "cluster c1 / namespace ns". */
export function scopeLabel(scope: ScopeRef): string {
  switch (scope.kind) {
    case 'platform': return 'platform';
    case 'folder': case 'workspace': return `${scope.kind} ${scope.name ?? ''}`;
    case 'cluster': return `cluster ${scope.cluster ?? ''}`;
    case 'namespace': return `${scope.cluster ?? ''}/${scope.namespace ?? ''}`;
  }
}

/** What a role binding form needs filled for its scope kind; missing ones are named. */
export function scopeProblems(scope: ScopeRef): string[] {
  const missing: string[] = [];
  if ((scope.kind === 'folder' || scope.kind === 'workspace') && !scope.name) missing.push('name');
  if ((scope.kind === 'cluster' || scope.kind === 'namespace') && !scope.cluster) missing.push('cluster');
  if (scope.kind === 'namespace' && !scope.namespace) missing.push('namespace');
  return missing;
}

/** The scope as the API wants it: only the fields of its kind. */
export function cleanScope(scope: ScopeRef): ScopeRef {
  switch (scope.kind) {
    case 'platform': return { kind: 'platform' };
    case 'folder': case 'workspace': return { kind: scope.kind, name: scope.name };
    case 'cluster': return { kind: 'cluster', cluster: scope.cluster };
    case 'namespace': return { kind: 'namespace', cluster: scope.cluster, namespace: scope.namespace };
  }
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,62}$/;

export type Problem = 'required' | 'dnsLabel' | 'account' | 'quantity' | 'negative' | 'integer' | 'noQuota';

/** Folder and workspace names are DNS-1123 labels (as the server checks). */
export function nameProblem(name: string): Problem | undefined {
  if (!name.trim()) return 'required';
  return DNS_LABEL.test(name) ? undefined : 'dnsLabel';
}

/** Group and user names: letters, digits, '.', '_', '@', '-', at most 63. */
export function accountProblem(name: string): Problem | undefined {
  if (!name.trim()) return 'required';
  return ACCOUNT.test(name) ? undefined : 'account';
}

/** The keys a workspace quota on a shared cluster may set (iam QuotaMath.KEYS). */
export const QUOTA_KEYS = ['requests.cpu', 'limits.cpu', 'requests.memory', 'limits.memory', 'requests.storage',
  'persistentvolumeclaims'] as const;

/**
 * Checks a quota form: every filled value a non-negative Kubernetes quantity (persistentvolumeclaims a
 * whole number), at least one filled. Returns the problems per key ('' for the form) and the hard map.
 */
export function validateQuota(values: Record<string, string>): { problems: Record<string, Problem>; hard: Record<string, string> } {
  const problems: Record<string, Problem> = {};
  const hard: Record<string, string> = {};
  for (const key of QUOTA_KEYS) {
    const v = (values[key] ?? '').trim();
    if (!v) continue;
    const n = parseQuantity(v);
    if (n === undefined) problems[key] = 'quantity';
    else if (n < 0) problems[key] = 'negative';
    else if (key === 'persistentvolumeclaims' && !Number.isInteger(n)) problems[key] = 'integer';
    else hard[key] = v;
  }
  if (Object.keys(problems).length === 0 && Object.keys(hard).length === 0) problems[''] = 'noQuota';
  return { problems, hard };
}

/**
 * Whether to show a tenancy action (create/update/delete of folders, workspaces and what is in them).
 * The server decides every request; this only hides what would surely be refused: allowed platform-wide
 * (GET /me `can`), or the user is a Folder Admin somewhere (folder rights are checked on the folder
 * that contains the object), or, for objects inside a workspace, its Workspace Admin.
 */
export function mayManage(me: MeLike | null, resource: string, verb: string, workspace?: string): boolean {
  if (!me) return false;
  if ((me.can[resource] ?? []).includes(verb)) return true;
  if (me.grants.some((g) => g.role === 'Folder Admin')) return true;
  if (workspace === undefined || !['rolebindings', 'resourcebindings', 'namespaces'].includes(resource)) return false;
  return me.grants.some((g) => g.role === 'Workspace Admin' && g.scopeKind === 'workspace' && g.scope === workspace);
}

/** The parts of GET /me the permission checks read. */
export interface MeLike {
  can: Record<string, string[]>;
  grants: { role: string; scopeKind: string; scope: string }[];
}
