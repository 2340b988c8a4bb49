import { describe, expect, it } from 'vitest';
import { age, podRow } from './podRows';

describe('pod rows', () => {
  it('shows ready containers, restarts and the phase', () => {
    const row = podRow({
      metadata: { namespace: 'shop', name: 'web-1', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { nodeName: 'node-1', containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'a', ready: true, restartCount: 2 }, { name: 'b', ready: false, restartCount: 1 }] },
    });
    expect(row).toEqual({ namespace: 'shop', name: 'web-1', ready: '1/2', status: 'Running', restarts: 3, node: 'node-1', createdAt: '2026-01-01T00:00:00Z' });
  });

  it('prefers a waiting reason and Terminating, like kubectl', () => {
    const crash = { metadata: { name: 'x' }, spec: { containers: [{}] }, status: { phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] } };
    expect(podRow(crash).status).toBe('CrashLoopBackOff');
    expect(podRow({ ...crash, metadata: { name: 'x', deletionTimestamp: 'now' } }).status).toBe('Terminating');
    expect(podRow({ metadata: { name: 'new' }, spec: { containers: [{}] } })).toMatchObject({ status: 'Pending', ready: '0/1', node: '' });
  });

  it('prints ages as kubectl does', () => {
    const now = Date.parse('2026-01-03T00:00:00Z');
    expect(age('2026-01-02T23:59:30Z', now)).toBe('30s');
    expect(age('2026-01-02T23:30:00Z', now)).toBe('30m');
    expect(age('2026-01-02T21:00:00Z', now)).toBe('3h');
    expect(age('2025-12-29T00:00:00Z', now)).toBe('5d');
  });
});
