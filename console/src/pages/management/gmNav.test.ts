import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { gmLinks } from './gmNav';

const me = (can: Record<string, string[]>, grants: Me['grants'] = []): Me => ({
  username: 'u', source: 'local', authenticatedBy: 'session', groups: [], platformRoles: [], grants, can, clusters: [],
});

describe('gmLinks', () => {
  it('shows every global-management page to a user who may list everything', () => {
    const admin = me({ groups: ['list'], folders: ['list'], workspaces: ['list'], rolebindings: ['list'] });
    expect(gmLinks(admin).map((l) => l.to)).toEqual(['/management/groups', '/management/tenancy', '/management/rolebindings']);
  });

  it('shows a workspace member the tree and role bindings but not groups', () => {
    const viewer = me({}, [{ role: 'Workspace Viewer', scopeKind: 'workspace', scope: 'a', origin: 'user' }]);
    expect(gmLinks(viewer).map((l) => l.to)).toEqual(['/management/tenancy', '/management/rolebindings']);
  });

  it('shows nothing to a user with only namespace roles or no roles', () => {
    expect(gmLinks(me({}, [{ role: 'NS View', scopeKind: 'namespace', scope: 'c/ns', origin: 'user' }]))).toEqual([]);
    expect(gmLinks(null)).toEqual([]);
  });
});
