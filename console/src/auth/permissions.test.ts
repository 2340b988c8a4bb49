import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { can, canEditNamespace, canEditSomewhereIn, grantedNamespaces } from './permissions';

function me(partial: Partial<Me>): Me {
  return { username: 'u', source: 'local', authenticatedBy: 'session', groups: [], platformRoles: [], grants: [], can: {}, clusters: [], ...partial };
}

describe('permissions from /me', () => {
  it('lets platform admins edit everywhere', () => {
    expect(canEditNamespace(me({ platformRoles: ['Admin'] }), 'east', 'shop')).toBe(true);
  });

  it('lets a namespace editor edit only that namespace of that cluster', () => {
    const editor = me({ grants: [{ role: 'NS Edit', scopeKind: 'namespace', scope: 'east/shop', origin: 'workspace ws1' }] });
    expect(canEditNamespace(editor, 'east', 'shop')).toBe(true);
    expect(canEditNamespace(editor, 'east', 'other')).toBe(false);
    expect(canEditNamespace(editor, 'west', 'shop')).toBe(false);
    expect(canEditSomewhereIn(editor, 'east')).toBe(true);
    expect(grantedNamespaces(editor, 'east')).toEqual(['shop']);
  });

  it('never lets a viewer edit', () => {
    const viewer = me({ grants: [{ role: 'NS View', scopeKind: 'namespace', scope: 'east/shop', origin: 'workspace ws1' },
      { role: 'Workspace Viewer', scopeKind: 'workspace', scope: 'ws1', origin: 'direct' }] });
    expect(canEditNamespace(viewer, 'east', 'shop')).toBe(false);
    expect(canEditSomewhereIn(viewer, 'east')).toBe(false);
  });

  it('lets a cluster admin edit every namespace of the cluster only', () => {
    const admin = me({ grants: [{ role: 'Cluster Admin', scopeKind: 'cluster', scope: 'east', origin: 'direct' }] });
    expect(canEditNamespace(admin, 'east', 'any')).toBe(true);
    expect(canEditNamespace(admin, 'west', 'any')).toBe(false);
  });

  it('reads platform verbs', () => {
    const m = me({ can: { clusters: ['get', 'list'] } });
    expect(can(m, 'clusters', 'list')).toBe(true);
    expect(can(m, 'clusters', 'create')).toBe(false);
    expect(can(null, 'clusters', 'list')).toBe(false);
  });
});
