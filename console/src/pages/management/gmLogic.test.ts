import { describe, expect, it } from 'vitest';
import type { Folder, Role, Workspace } from '../../api/gm';
import {
  accountProblem, ancestors, mayManage, buildTree, canHoldSubFolder, cleanScope, findNode, moveTargets, nameProblem, parseNodeId,
  rolesForScope, scopeProblems, validateQuota,
} from './gmLogic';

const folder = (name: string, parent?: string): Folder => ({ name, parent, path: [], depth: 0, createdAt: '' });
const ws = (name: string, f?: string): Workspace => ({ name, folder: f, path: [], createdAt: '' });
const role = (name: string, scopeKind: Role['scopeKind']): Role => ({ name, scopeKind, description: '', permissions: {} });

// a > b > c, d at the top; workspaces: w1 in c, w2 at the top, w3 in a
const folders = [folder('d'), folder('c', 'b'), folder('a'), folder('b', 'a')];
const workspaces = [ws('w1', 'c'), ws('w2'), ws('w3', 'a')];

describe('buildTree', () => {
  it('nests folders by parent with workspaces as leaves, folders first, sorted by name', () => {
    const tree = buildTree(folders, workspaces);
    expect(tree.map((n) => n.id)).toEqual(['folder:a', 'folder:d', 'workspace:w2']);
    const a = tree[0];
    expect(a.children.map((n) => n.id)).toEqual(['folder:b', 'workspace:w3']);
    expect(a.children[0].children[0].children.map((n) => n.id)).toEqual(['workspace:w1']);
    expect(findNode(tree, 'folder:c')?.depth).toBe(3);
    expect(findNode(tree, 'workspace:w1')?.depth).toBe(4);
  });

  it('puts folders and workspaces whose parent is invisible at the top level', () => {
    const tree = buildTree([folder('child', 'hidden')], [ws('w', 'hidden')]);
    expect(tree.map((n) => n.id)).toEqual(['folder:child', 'workspace:w']);
  });

  it('survives a parent cycle in the data without recursing forever', () => {
    const tree = buildTree([folder('x', 'y'), folder('y', 'x'), folder('top')], []);
    expect(tree.map((n) => n.id)).toEqual(['folder:top']);
  });

  it('finds the path of folders above a node', () => {
    const tree = buildTree(folders, workspaces);
    expect(ancestors(tree, 'workspace:w1')).toEqual(['folder:a', 'folder:b', 'folder:c']);
    expect(ancestors(tree, 'folder:a')).toEqual([]);
  });
});

describe('moveTargets', () => {
  it('never offers the folder itself, its sub-folders or its current parent', () => {
    const tree = buildTree(folders, workspaces);
    expect(moveTargets(tree, 'folder:b')).toEqual(['', 'd']);
  });

  it('offers every other folder to a workspace, and the top level when it is in a folder', () => {
    const tree = buildTree(folders, workspaces);
    expect(moveTargets(tree, 'workspace:w1')).toEqual(['', 'a', 'b', 'd']);
    expect(moveTargets(tree, 'workspace:w2')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('refuses targets that would make the tree deeper than 5 levels of folders', () => {
    const deep = [folder('l1'), folder('l2', 'l1'), folder('l3', 'l2'), folder('l4', 'l3'), folder('m'), folder('m2', 'm')];
    const tree = buildTree(deep, []);
    // m has height 2: under l3 (depth 3) it reaches 5, under l4 (depth 4) it would reach 6
    expect(moveTargets(tree, 'folder:m')).toContain('l3');
    expect(moveTargets(tree, 'folder:m')).not.toContain('l4');
    expect(canHoldSubFolder(findNode(tree, 'folder:l4'))).toBe(true);
    const five = buildTree([...deep, folder('l5', 'l4')], []);
    expect(canHoldSubFolder(findNode(five, 'folder:l5'))).toBe(false);
  });
});

describe('node ids', () => {
  it('parse kind and name, rejecting other kinds', () => {
    expect(parseNodeId('workspace:team-a')).toEqual({ kind: 'workspace', name: 'team-a' });
    expect(parseNodeId('cluster:x')).toBeUndefined();
    expect(parseNodeId(null)).toBeUndefined();
  });
});

describe('roles and scopes', () => {
  const roles = [role('Admin', 'platform'), role('Folder Admin', 'folder'), role('Workspace Viewer', 'workspace'),
    role('Cluster Admin', 'cluster'), role('NS View', 'namespace')];

  it('offer only the roles of the scope kind, namespace roles also cluster-wide', () => {
    expect(rolesForScope(roles, 'workspace').map((r) => r.name)).toEqual(['Workspace Viewer']);
    expect(rolesForScope(roles, 'cluster').map((r) => r.name)).toEqual(['Cluster Admin', 'NS View']);
    expect(rolesForScope(roles, 'namespace').map((r) => r.name)).toEqual(['NS View']);
    expect(rolesForScope(roles, 'platform').map((r) => r.name)).toEqual(['Admin']);
  });

  it('name what a scope misses and send only the fields of its kind', () => {
    expect(scopeProblems({ kind: 'namespace', cluster: 'c1' })).toEqual(['namespace']);
    expect(scopeProblems({ kind: 'workspace' })).toEqual(['name']);
    expect(scopeProblems({ kind: 'platform' })).toEqual([]);
    expect(cleanScope({ kind: 'cluster', cluster: 'c1', namespace: 'stale', name: 'x' })).toEqual({ kind: 'cluster', cluster: 'c1' });
  });
});

describe('validation', () => {
  it('accepts DNS labels for folders and workspaces only', () => {
    expect(nameProblem('team-a')).toBeUndefined();
    expect(nameProblem('')).toBe('required');
    expect(nameProblem('Team_A')).toBe('dnsLabel');
    expect(nameProblem('-a')).toBe('dnsLabel');
  });

  it('accepts account names for groups', () => {
    expect(accountProblem('ops.team@corp')).toBeUndefined();
    expect(accountProblem('.x')).toBe('account');
  });

  it('accepts quantities like 500m and 1Gi and names the bad key', () => {
    const ok = validateQuota({ 'requests.cpu': '500m', 'limits.memory': ' 1Gi ', 'requests.storage': '' });
    expect(ok.problems).toEqual({});
    expect(ok.hard).toEqual({ 'requests.cpu': '500m', 'limits.memory': '1Gi' });
    const bad = validateQuota({ 'requests.cpu': '1 core', 'limits.cpu': '-1', persistentvolumeclaims: '1.5' });
    expect(bad.problems).toEqual({ 'requests.cpu': 'quantity', 'limits.cpu': 'negative', persistentvolumeclaims: 'integer' });
  });

  it('asks for at least one value', () => {
    expect(validateQuota({}).problems).toEqual({ '': 'noQuota' });
  });
});

describe('mayManage', () => {
  const me = (can: Record<string, string[]>, grants: { role: string; scopeKind: string; scope: string }[] = []) => ({ can, grants });

  it('follows the platform-wide verbs of /me', () => {
    expect(mayManage(me({ groups: ['list', 'create'] }), 'groups', 'create')).toBe(true);
    expect(mayManage(me({ groups: ['list'] }), 'groups', 'delete')).toBe(false);
    expect(mayManage(null, 'groups', 'list')).toBe(false);
  });

  it('lets a Workspace Admin manage members and bindings of that workspace only', () => {
    const admin = me({}, [{ role: 'Workspace Admin', scopeKind: 'workspace', scope: 'a' }]);
    expect(mayManage(admin, 'rolebindings', 'create', 'a')).toBe(true);
    expect(mayManage(admin, 'rolebindings', 'create', 'b')).toBe(false);
    expect(mayManage(admin, 'workspaces', 'delete', 'a')).toBe(false);
  });

  it('shows a viewer no change at all', () => {
    const viewer = me({}, [{ role: 'Workspace Viewer', scopeKind: 'workspace', scope: 'a' }]);
    expect(mayManage(viewer, 'resourcebindings', 'create', 'a')).toBe(false);
    expect(mayManage(viewer, 'folders', 'create')).toBe(false);
  });
});
