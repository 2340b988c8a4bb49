// Secret values in the console: hidden until revealed, decoded from base64 for display, never put
// in URLs or logs. Pure.
import type { Me } from '../../api/types';

const PLATFORM_READERS = ['Admin', 'Cluster Owner'];
const CLUSTER_READERS = ['Cluster Admin'];
/** Namespace roles that read secrets (NS View reads a namespace except secrets). */
const NAMESPACE_READERS = ['NS Admin', 'NS Edit'];

/** May read the values of the namespace's secrets (the server decides; the console only hides Reveal). */
export function canReadSecrets(me: Me | null, cluster: string, namespace: string): boolean {
  if (!me) return false;
  if (me.platformRoles.some((r) => PLATFORM_READERS.includes(r))) return true;
  return me.grants.some((g) =>
    (g.scopeKind === 'cluster' && g.scope === cluster && (CLUSTER_READERS.includes(g.role) || NAMESPACE_READERS.includes(g.role))) ||
    (g.scopeKind === 'namespace' && g.scope === `${cluster}/${namespace}` && NAMESPACE_READERS.includes(g.role)));
}

export interface Decoded {
  /** The value as UTF-8 text, or undefined when it is binary. */
  text?: string;
  bytes: number;
}

/** A Secret data value (base64) for display: text when it is valid UTF-8, else only its size. */
export function decodeSecretValue(base64: string): Decoded {
  let binary: string;
  try {
    binary = atob(base64.replace(/\s/g, ''));
  } catch {
    return { bytes: 0 };
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // control characters other than tab and newlines mean the value is not meant as text
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? { bytes: bytes.length } : { text, bytes: bytes.length };
  } catch {
    return { bytes: bytes.length };
  }
}

/** Text to a Secret data value (UTF-8, base64). */
export function encodeSecretValue(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}

/** The object with every data value replaced by a mask (for showing a Secret's YAML before a reveal). */
export function maskSecret<T extends Record<string, unknown>>(secret: T, mask = '••••••'): T {
  const copy: Record<string, unknown> = { ...secret };
  for (const field of ['data', 'stringData']) {
    const values = copy[field] as Record<string, string> | undefined;
    if (values) copy[field] = Object.fromEntries(Object.keys(values).map((k) => [k, mask]));
  }
  return copy as T;
}
