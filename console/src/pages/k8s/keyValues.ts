// YAML of a ConfigMap or Secret from a small key/value form. Pure.
import { stringify } from 'yaml';
import { encodeSecretValue } from './secrets';

export interface DataRow { key: string; value: string }

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** A ConfigMap/Secret data key: [-._a-zA-Z0-9]+, at most 253 characters. */
export function dataKeyError(key: string): 'k8s.valid.required' | 'k8s.valid.dataKey' | undefined {
  if (!key) return 'k8s.valid.required';
  return key.length <= 253 && CONFIG_KEY.test(key) ? undefined : 'k8s.valid.dataKey';
}

export function keyValueYaml(kind: 'ConfigMap' | 'Secret', name: string, namespace: string, rows: DataRow[]): string {
  const data: Record<string, string> = {};
  for (const r of rows) if (r.key) data[r.key] = kind === 'Secret' ? encodeSecretValue(r.value) : r.value;
  const object: Record<string, unknown> = { apiVersion: 'v1', kind, metadata: { name, namespace } };
  if (kind === 'Secret') object.type = 'Opaque';
  object.data = data;
  return stringify(object);
}
