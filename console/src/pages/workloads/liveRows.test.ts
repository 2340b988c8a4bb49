import { describe, expect, it } from 'vitest';
import type { WorkloadSummary } from '../../api/types';
import { applyWorkloadChange } from './liveRows';

const w = (namespace: string, name: string, ready = 1, kind = 'Deployment'): WorkloadSummary => ({
  kind, namespace, name, images: [], desired: 3, ready, available: ready, updated: ready, state: 'Running', labels: {}, conditions: {},
});

describe('applying live changes to a page of workloads', () => {
  const rows = [w('a', 'api'), w('a', 'web'), w('b', 'db')];

  it('replaces a modified row where it is', () => {
    const out = applyWorkloadChange(rows, 'MODIFIED', w('a', 'web', 3), { first: true, more: false });
    expect(out.map((r) => r.ready)).toEqual([1, 3, 1]);
    expect(out[1].name).toBe('web');
  });

  it('removes a deleted row and ignores deletions of rows it does not show', () => {
    expect(applyWorkloadChange(rows, 'DELETED', w('a', 'api'), { first: true, more: false }).map((r) => r.name)).toEqual(['web', 'db']);
    expect(applyWorkloadChange(rows, 'DELETED', w('z', 'x'), { first: true, more: false })).toBe(rows);
  });

  it('inserts an added row in order when it belongs to this page', () => {
    expect(applyWorkloadChange(rows, 'ADDED', w('a', 'cache'), { first: true, more: true }).map((r) => r.name)).toEqual(['api', 'cache', 'web', 'db']);
    expect(applyWorkloadChange(rows, 'ADDED', w('c', 'zz'), { first: true, more: false }).map((r) => r.name)).toEqual(['api', 'web', 'db', 'zz']);
  });

  it('leaves rows of other pages and names outside the filter to those pages', () => {
    expect(applyWorkloadChange(rows, 'ADDED', w('c', 'zz'), { first: true, more: true })).toBe(rows);
    expect(applyWorkloadChange(rows, 'ADDED', w('0', 'aa'), { first: false, more: false })).toBe(rows);
    expect(applyWorkloadChange(rows, 'ADDED', w('a', 'cache'), { first: true, more: false, name: 'WE' })).toBe(rows);
  });
});
