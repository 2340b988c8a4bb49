// YAML of a Service from a small form (type, selector, ports). Pure.
import { stringify } from 'yaml';

export interface ServicePort { name: string; port: string; targetPort: string; protocol: string }
export interface ServiceFormValue { name: string; type: string; selector: string; ports: ServicePort[] }

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer'];

/** "app=web, tier=fe" → {app: web, tier: fe}; undefined when a pair has no '='. */
export function parseSelector(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    out[part.substring(0, eq).trim()] = part.substring(eq + 1).trim();
  }
  return out;
}

/** A port number 1–65535, or for targetPort also a named port. */
export function portError(value: string, named = false): 'k8s.valid.required' | 'k8s.valid.port' | undefined {
  if (!value) return 'k8s.valid.required';
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 65535 ? undefined : 'k8s.valid.port';
  return named && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) && value.length <= 15 ? undefined : 'k8s.valid.port';
}

export function serviceYaml(namespace: string, f: ServiceFormValue): string {
  const ports = f.ports.filter((p) => p.port).map((p) => {
    const out: Record<string, unknown> = {};
    if (p.name) out.name = p.name;
    out.port = Number(p.port);
    if (p.targetPort) out.targetPort = /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort;
    out.protocol = p.protocol || 'TCP';
    return out;
  });
  return stringify({
    apiVersion: 'v1', kind: 'Service', metadata: { name: f.name, namespace },
    spec: { type: f.type, selector: parseSelector(f.selector) ?? {}, ports },
  });
}
