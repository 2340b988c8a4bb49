const enc = encodeURIComponent;

/** The URL segment of a kind: "Deployment" (as summaries name it) or "deployments" → "deployments". */
export function pluralKind(kind: string): string {
  const k = kind.toLowerCase();
  return k.endsWith('s') ? k : k + 's';
}

export function workloadPath(cluster: string, namespace: string, kind: string, name: string, tab?: string): string {
  return `/clusters/${enc(cluster)}/namespaces/${enc(namespace)}/workloads/${enc(pluralKind(kind))}/${enc(name)}${tab ? '?tab=' + tab : ''}`;
}

export function podPath(cluster: string, namespace: string, name: string, tab?: string): string {
  return `/clusters/${enc(cluster)}/namespaces/${enc(namespace)}/pods/${enc(name)}${tab ? '?tab=' + tab : ''}`;
}
