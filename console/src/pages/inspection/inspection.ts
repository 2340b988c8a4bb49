// Pure helpers of the inspection pages: score colour bands, filters ↔ URL, console links of findings.
import type { Finding, FindingFilter, InspectionRun } from '../../api/inspections';
import type { Me } from '../../api/types';
import { podPath, workloadPath } from '../workloads/paths';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export const CATEGORIES = ['cluster', 'control-plane', 'node', 'workload', 'security', 'networking', 'storage', 'rbac', 'hygiene'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Category = (typeof CATEGORIES)[number];

export type Band = 'success' | 'warning' | 'danger';

/** Colour of a score: 80 and above good, 50–79 needs attention, below 50 bad. */
export function scoreBand(score: number): Band {
  if (score >= 80) return 'success';
  if (score >= 50) return 'warning';
  return 'danger';
}

/** PatternFly status colour variables per band (for SVG fills). */
export const BAND_COLOUR: Record<Band, string> = {
  success: 'var(--pf-t--global--color--status--success--default, #3e8635)',
  warning: 'var(--pf-t--global--color--status--warning--default, #f0ab00)',
  danger: 'var(--pf-t--global--color--status--danger--default, #c9190b)',
};

export const SEVERITY_COLOUR: Record<string, string> = {
  critical: BAND_COLOUR.danger,
  warning: BAND_COLOUR.warning,
  info: 'var(--pf-t--global--color--status--info--default, #2b9af3)',
};

/** The finding filter in the URL; unknown severities and categories are dropped. */
export function filterFromParams(params: URLSearchParams): FindingFilter {
  const f: FindingFilter = {};
  const severity = params.get('severity');
  const category = params.get('category');
  const namespace = params.get('namespace')?.trim();
  if (severity && (SEVERITIES as readonly string[]).includes(severity)) f.severity = severity;
  if (category && (CATEGORIES as readonly string[]).includes(category)) f.category = category;
  if (namespace) f.namespace = namespace;
  return f;
}

/** The URL parameters of a filter (empty values left out, paging reset). */
export function filterToParams(f: FindingFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['severity', 'category', 'namespace'] as const) {
    const v = f[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** The console page of a finding's object, where one exists; undefined otherwise. */
export function consolePath(f: Pick<Finding, 'cluster' | 'kind' | 'namespace' | 'name'>): string | undefined {
  const c = encodeURIComponent(f.cluster);
  if (!f.kind || !f.name) return undefined;
  if (f.kind === 'Pod' && f.namespace) return podPath(f.cluster, f.namespace, f.name);
  if (WORKLOAD_KINDS.includes(f.kind) && f.namespace) return workloadPath(f.cluster, f.namespace, f.kind, f.name);
  if (f.kind === 'Node') return `/clusters/${c}/nodes`;
  if (f.kind === 'Namespace') return `/clusters/${c}/namespaces`;
  return undefined;
}

export function isActive(run: InspectionRun | undefined | null): boolean {
  return !!run && (run.status === 'Pending' || run.status === 'Running');
}

/** Percentage done of a run (0 while pending). */
export function progressPercent(run: InspectionRun): number {
  const p = run.progress;
  if (!p || p.steps <= 0) return 0;
  return Math.min(100, Math.round((100 * p.step) / p.steps));
}

/** Polyline points of a score history in a width × height box (score 0–100, oldest left). */
export function trendPoints(scores: number[], width: number, height: number): string {
  if (scores.length === 0) return '';
  const step = scores.length > 1 ? width / (scores.length - 1) : 0;
  return scores.map((s, i) => `${Math.round(i * step)},${Math.round(height - (Math.max(0, Math.min(100, s)) / 100) * height)}`).join(' ');
}

/**
 * May start runs of the cluster (create inspections cluster-wide): platform Admin or Cluster Owner,
 * or Cluster Admin of this cluster. The server decides; the console only hides what it would refuse.
 */
export function canRunInspection(me: Me | null, cluster: string): boolean {
  if (!me) return false;
  if (me.platformRoles.some((r) => r === 'Admin' || r === 'Cluster Owner')) return true;
  return me.grants.some((g) => g.scopeKind === 'cluster' && g.scope === cluster && g.role === 'Cluster Admin');
}
