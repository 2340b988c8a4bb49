// Rows of the dedicated resource lists (Services, Ingresses, ConfigMaps, Secrets, PVCs, PVs,
// StorageClasses, HPAs) from Kubernetes objects, with the columns kubectl prints. Pure.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A cell value per column id; '' when the object has nothing there. */
export type Row = Record<string, string>;

const NONE = '<none>';

/** kubectl's age: 42s, 5m, 3h, 7d, 2y (from creationTimestamp; '' when unknown). */
export function age(timestamp: string | undefined, now: number = Date.now()): string {
  if (!timestamp) return '';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

function mapText(m: Record<string, string> | undefined): string {
  const entries = Object.entries(m ?? {});
  return entries.length === 0 ? NONE : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

function loadBalancer(o: Obj): string[] {
  return ((o.status?.loadBalancer?.ingress ?? []) as Obj[]).map((i) => i.ip ?? i.hostname).filter(Boolean);
}

export function serviceRow(o: Obj): Row {
  const spec = o.spec ?? {};
  const type: string = spec.type ?? 'ClusterIP';
  const external = type === 'ExternalName' ? [spec.externalName].filter(Boolean)
    : [...loadBalancer(o), ...(spec.externalIPs ?? [])];
  const ports = ((spec.ports ?? []) as Obj[]).map((p) =>
    `${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${p.protocol ?? 'TCP'}`);
  return {
    type,
    clusterIP: spec.clusterIP ?? '',
    externalIP: external.length ? external.join(',') : type === 'LoadBalancer' ? '<pending>' : NONE,
    ports: ports.length ? ports.join(',') : NONE,
    selector: mapText(spec.selector),
  };
}

export function ingressRow(o: Obj): Row {
  const spec = o.spec ?? {};
  const hosts = ((spec.rules ?? []) as Obj[]).map((r) => r.host ?? '*');
  const address = loadBalancer(o);
  return {
    ingressClass: spec.ingressClassName ?? o.metadata?.annotations?.['kubernetes.io/ingress.class'] ?? NONE,
    hosts: hosts.length ? hosts.join(',') : '*',
    address: address.join(','),
    ports: (spec.tls ?? []).length ? '80, 443' : '80',
  };
}

export function configMapRow(o: Obj): Row {
  return { keys: String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length) };
}

export function secretRow(o: Obj): Row {
  return { secretType: o.type ?? 'Opaque', keys: String(Object.keys(o.data ?? {}).length) };
}

const ACCESS: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function accessModes(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => ACCESS[m] ?? m).join(',');
}

export function pvcRow(o: Obj): Row {
  return {
    status: o.status?.phase ?? 'Pending',
    volume: o.spec?.volumeName ?? '',
    capacity: o.status?.capacity?.storage ?? '',
    accessModes: accessModes(o.status?.accessModes ?? o.spec?.accessModes),
    storageClass: o.spec?.storageClassName ?? '',
  };
}

export function pvRow(o: Obj): Row {
  const claim = o.spec?.claimRef;
  return {
    capacity: o.spec?.capacity?.storage ?? '',
    accessModes: accessModes(o.spec?.accessModes),
    reclaimPolicy: o.spec?.persistentVolumeReclaimPolicy ?? 'Retain',
    status: o.status?.phase ?? 'Pending',
    claim: claim ? `${claim.namespace}/${claim.name}` : '',
    storageClass: o.spec?.storageClassName ?? '',
  };
}

const DEFAULT_CLASS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

export function isDefaultStorageClass(o: Obj): boolean {
  const a = o.metadata?.annotations ?? {};
  return DEFAULT_CLASS.some((k) => a[k] === 'true');
}

export function storageClassRow(o: Obj): Row {
  return {
    provisioner: o.provisioner ?? '',
    isDefault: isDefaultStorageClass(o) ? 'default' : '',
    reclaimPolicy: o.reclaimPolicy ?? 'Delete',
    bindingMode: o.volumeBindingMode ?? 'Immediate',
    expansion: o.allowVolumeExpansion ? 'true' : 'false',
  };
}

function metricTarget(spec: Obj, current: Obj | undefined): string {
  const kind = spec.type as string;
  const source: Obj = spec[kind.charAt(0).toLowerCase() + kind.slice(1)] ?? {};
  const name: string = source.name ?? source.metric?.name ?? kind;
  const target: Obj = source.target ?? {};
  const cur: Obj = current?.[kind.charAt(0).toLowerCase() + kind.slice(1)]?.current ?? {};
  if (target.averageUtilization !== undefined) {
    return `${name}: ${cur.averageUtilization !== undefined ? cur.averageUtilization + '%' : '<unknown>'}/${target.averageUtilization}%`;
  }
  const want = target.averageValue ?? target.value ?? '?';
  const have = cur.averageValue ?? cur.value;
  return `${name}: ${have ?? '<unknown>'}/${want}`;
}

export function hpaRow(o: Obj): Row {
  const spec = o.spec ?? {};
  const ref = spec.scaleTargetRef ?? {};
  const metrics = (spec.metrics ?? []) as Obj[];
  const current = (o.status?.currentMetrics ?? []) as Obj[];
  return {
    reference: ref.kind ? `${ref.kind}/${ref.name}` : '',
    minReplicas: String(spec.minReplicas ?? 1),
    maxReplicas: String(spec.maxReplicas ?? ''),
    currentReplicas: String(o.status?.currentReplicas ?? 0),
    desiredReplicas: String(o.status?.desiredReplicas ?? 0),
    metrics: metrics.length ? metrics.map((m, i) => metricTarget(m, current.find((c) => c.type === m.type) ?? current[i])).join(', ') : NONE,
  };
}
