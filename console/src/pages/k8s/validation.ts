// Validation of label keys/values and taints as the Kubernetes API server validates them
// (apimachinery validation.IsQualifiedName / IsValidLabelValue). Pure; each answer is a message
// key or undefined when valid.

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export type ValidationKey = 'k8s.valid.required' | 'k8s.valid.tooLong63' | 'k8s.valid.name' | 'k8s.valid.prefix'
  | 'k8s.valid.value' | 'k8s.valid.effect' | 'k8s.valid.duplicate' | 'k8s.valid.dns1123Label';

/** A qualified name: [prefix/]name, prefix a DNS-1123 subdomain (≤253), name ≤63 of [A-Za-z0-9-_.]. */
export function labelKeyError(key: string): ValidationKey | undefined {
  if (!key) return 'k8s.valid.required';
  const parts = key.split('/');
  if (parts.length > 2) return 'k8s.valid.name';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (!prefix || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return 'k8s.valid.prefix';
  }
  if (!name) return 'k8s.valid.required';
  if (name.length > 63) return 'k8s.valid.tooLong63';
  return NAME.test(name) ? undefined : 'k8s.valid.name';
}

/** A label value: empty, or ≤63 of [A-Za-z0-9-_.] starting and ending alphanumeric. */
export function labelValueError(value: string): ValidationKey | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'k8s.valid.tooLong63';
  return NAME.test(value) ? undefined : 'k8s.valid.value';
}

export function namespaceNameError(name: string): ValidationKey | undefined {
  if (!name) return 'k8s.valid.required';
  if (name.length > 63) return 'k8s.valid.tooLong63';
  return DNS1123_LABEL.test(name) ? undefined : 'k8s.valid.dns1123Label';
}

export interface KeyValueRow { key: string; value: string }
export interface TaintRow { key: string; value: string; effect: string }

/** Errors per row and field ("0.key", "1.value", "2.effect"); empty when all rows are valid. */
export function labelRowErrors(rows: KeyValueRow[]): Record<string, ValidationKey> {
  const errors: Record<string, ValidationKey> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const k = labelKeyError(r.key) ?? (seen.has(r.key) ? 'k8s.valid.duplicate' : undefined);
    if (k) errors[`${i}.key`] = k;
    const v = labelValueError(r.value);
    if (v) errors[`${i}.value`] = v;
    seen.add(r.key);
  });
  return errors;
}

export function taintRowErrors(rows: TaintRow[]): Record<string, ValidationKey> {
  const errors: Record<string, ValidationKey> = {};
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const id = `${r.key}:${r.effect}`;
    const k = labelKeyError(r.key) ?? (seen.has(id) ? 'k8s.valid.duplicate' : undefined);
    if (k) errors[`${i}.key`] = k;
    const v = labelValueError(r.value);
    if (v) errors[`${i}.value`] = v;
    if (!(TAINT_EFFECTS as readonly string[]).includes(r.effect)) errors[`${i}.effect`] = 'k8s.valid.effect';
    seen.add(id);
  });
  return errors;
}

/** "key=value:Effect" / "key:Effect" (as the server lists taints and accepts them in PATCH) to a row. */
export function parseTaint(text: string): TaintRow {
  const colon = text.lastIndexOf(':');
  const kv = colon < 0 ? text : text.substring(0, colon);
  const effect = colon < 0 ? '' : text.substring(colon + 1);
  const eq = kv.indexOf('=');
  return eq < 0 ? { key: kv, value: '', effect } : { key: kv.substring(0, eq), value: kv.substring(eq + 1), effect };
}

export function formatTaint(r: TaintRow): string {
  return `${r.key}${r.value ? '=' + r.value : ''}:${r.effect}`;
}

const SYSTEM_PREFIXES = ['kubernetes.io/', 'k8s.io/', 'node-role.kubernetes.io/', 'beta.kubernetes.io/', 'node.kubernetes.io/',
  'topology.kubernetes.io/', 'flotilla.io/'];

/** Whether a label is set by Kubernetes or the platform (hostname, arch, os, roles...). */
export function isSystemLabel(key: string): boolean {
  return SYSTEM_PREFIXES.some((p) => key.startsWith(p) || key.includes('.' + p));
}

/** Labels with the ones a person set first, then system labels, each group by key. */
export function userLabelsFirst(labels: Record<string, string>): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) =>
    Number(isSystemLabel(a)) - Number(isSystemLabel(b)) || a.localeCompare(b));
}
