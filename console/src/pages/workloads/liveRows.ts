// Applying server-sent changes to a page of list rows in place. Pure.
import type { WorkloadSummary } from '../../api/types';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** The server's order of the workload list: namespace, kind, name. */
export function compareWorkloads(a: WorkloadSummary, b: WorkloadSummary): number {
  return cmp(a.namespace, b.namespace) || cmp(a.kind, b.kind) || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const workloadKey = (w: WorkloadSummary) => `${w.kind}/${w.namespace}/${w.name}`;

export interface PageBounds {
  /** this is the first page (nothing sorts before it) */
  first: boolean;
  /** more pages follow (rows after the last one belong to them) */
  more: boolean;
  /** the page's name filter (case-insensitive "contains") */
  name?: string;
}

/**
 * The rows after one change: a known row is replaced (or removed) where it is; an unknown one is
 * inserted in order only when it belongs to this page (between its first and last rows, or at the
 * ends of the first/last page) and matches the name filter.
 */
export function applyWorkloadChange(rows: WorkloadSummary[], type: ChangeType, row: WorkloadSummary, page: PageBounds): WorkloadSummary[] {
  return applyChange(rows, type, row, workloadKey, compareWorkloads, page);
}

/** The same for any rows with a key and an order (pods: namespace, name). */
export function applyChange<R extends { name: string }>(rows: R[], type: ChangeType, row: R, keyOf: (r: R) => string,
  compare: (a: R, b: R) => number, page: PageBounds): R[] {
  const key = keyOf;
  const compareWorkloads = compare;
  const k = key(row);
  const at = rows.findIndex((r) => key(r) === k);
  if (type === 'DELETED') return at < 0 ? rows : rows.filter((_r, i) => i !== at);
  if (at >= 0) return rows.map((r, i) => (i === at ? row : r));
  if (page.name && !row.name.toLowerCase().includes(page.name.toLowerCase())) return rows;
  if (rows.length > 0) {
    if (!page.first && compareWorkloads(row, rows[0]) < 0) return rows;
    if (page.more && compareWorkloads(row, rows[rows.length - 1]) > 0) return rows;
  } else if (page.more || !page.first) {
    return rows;
  }
  const out = [...rows, row];
  out.sort(compareWorkloads);
  return out;
}

/** Kubernetes lists pods by namespace, then name. */
export function comparePods(a: { namespace: string; name: string }, b: { namespace: string; name: string }): number {
  return cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
}
