import { describe, expect, it } from 'vitest';
import type { InspectionRun } from '../../api/inspections';
import type { Me } from '../../api/types';
import { canRunInspection, consolePath, filterFromParams, filterToParams, isActive, progressPercent, scoreBand, trendPoints } from './inspection';

describe('scoreBand', () => {
  it('splits scores at 80 and 50', () => {
    expect([100, 80, 79, 50, 49, 0].map(scoreBand)).toEqual(['success', 'success', 'warning', 'warning', 'danger', 'danger']);
  });
});

describe('finding filter and URL', () => {
  it('reads known values from the URL and drops unknown severities and categories', () => {
    expect(filterFromParams(new URLSearchParams('severity=critical&category=rbac&namespace=%20shop%20'))).toEqual({ severity: 'critical', category: 'rbac', namespace: 'shop' });
    expect(filterFromParams(new URLSearchParams('severity=fatal&category=misc&namespace='))).toEqual({});
  });

  it('round-trips through URL parameters without empty values', () => {
    const params = filterToParams({ severity: 'warning', category: '', namespace: 'web' });
    expect(params).toEqual({ severity: 'warning', namespace: 'web' });
    expect(filterFromParams(new URLSearchParams(params))).toEqual({ severity: 'warning', namespace: 'web' });
  });
});

describe('consolePath', () => {
  it('links workloads, pods, nodes and namespaces to their console pages', () => {
    expect(consolePath({ cluster: 'c1', kind: 'Deployment', namespace: 'shop', name: 'web' })).toBe('/clusters/c1/namespaces/shop/workloads/deployments/web');
    expect(consolePath({ cluster: 'c1', kind: 'Pod', namespace: 'shop', name: 'web-1' })).toBe('/clusters/c1/namespaces/shop/pods/web-1');
    expect(consolePath({ cluster: 'c1', kind: 'Node', namespace: null, name: 'n1' })).toBe('/clusters/c1/nodes');
    expect(consolePath({ cluster: 'c1', kind: 'Namespace', namespace: 'shop', name: 'shop' })).toBe('/clusters/c1/namespaces');
  });

  it('gives no link where the console has no page', () => {
    expect(consolePath({ cluster: 'c1', kind: 'ClusterRole', namespace: null, name: 'admin' })).toBeUndefined();
    expect(consolePath({ cluster: 'c1', kind: null, namespace: null, name: null })).toBeUndefined();
  });
});

describe('runs', () => {
  const run = (status: InspectionRun['status'], step = 0, steps = 0): InspectionRun =>
    ({ id: 'r', cluster: 'c1', status, createdAt: '', progress: { step, steps } });

  it('treats Pending and Running as active', () => {
    expect([run('Pending'), run('Running'), run('Succeeded'), run('Failed')].map(isActive)).toEqual([true, true, false, false]);
    expect(isActive(undefined)).toBe(false);
  });

  it('computes progress from steps, capped at 100', () => {
    expect(progressPercent(run('Running', 3, 12))).toBe(25);
    expect(progressPercent(run('Running', 5, 4))).toBe(100);
    expect(progressPercent(run('Pending'))).toBe(0);
  });
});

describe('trendPoints', () => {
  it('maps scores to a box, oldest left, 100 at the top', () => {
    expect(trendPoints([100, 50, 0], 200, 40)).toBe('0,0 100,20 200,40');
    expect(trendPoints([], 200, 40)).toBe('');
  });
});

describe('canRunInspection', () => {
  const me = (platformRoles: string[], grants: { role: string; scopeKind: string; scope: string }[]) =>
    ({ username: 'u', source: 'local', authenticatedBy: 'session', groups: [], platformRoles, can: {}, clusters: [],
      grants: grants.map((g) => ({ ...g, origin: 'direct' })) }) as unknown as Me;

  it('allows platform admins and the cluster admin of that cluster only', () => {
    expect(canRunInspection(me(['Admin'], []), 'c1')).toBe(true);
    expect(canRunInspection(me(['Cluster Owner'], []), 'c1')).toBe(true);
    expect(canRunInspection(me([], [{ role: 'Cluster Admin', scopeKind: 'cluster', scope: 'c1' }]), 'c1')).toBe(true);
    expect(canRunInspection(me([], [{ role: 'Cluster Admin', scopeKind: 'cluster', scope: 'c2' }]), 'c1')).toBe(false);
    expect(canRunInspection(me([], [{ role: 'NS Admin', scopeKind: 'namespace', scope: 'c1/shop' }]), 'c1')).toBe(false);
    expect(canRunInspection(null, 'c1')).toBe(false);
  });
});
