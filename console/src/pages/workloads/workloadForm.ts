// The workload form model (server: io.flotilla.resource.WorkloadForm), its validation (mirrors
// WorkloadFormValidator, so errors show while typing with the same field paths the server names)
// and its conversion to and from the Kubernetes object / YAML. Pure functions, no I/O.
import { parse, stringify } from 'yaml';

export type FormKind = 'deployments' | 'statefulsets' | 'daemonsets';

export interface PortForm { name?: string; containerPort?: number; protocol?: string }
/** source 'other': a valueFrom the form does not model (fieldRef…); the server keeps it as it is. */
export interface EnvForm { name: string; source?: 'value' | 'configMap' | 'secret' | 'other'; value?: string; refName?: string; refKey?: string }
export type ProbeType = 'http' | 'tcp' | 'exec' | 'other';
/** A probe (server: WorkloadForm.ProbeForm); type 'other' is kept unchanged by the server. */
export interface ProbeForm {
  type: ProbeType; path?: string; port?: number; command?: string[];
  initialDelaySeconds?: number; periodSeconds?: number; timeoutSeconds?: number; failureThreshold?: number;
}
export interface MountForm { name: string; mountPath: string; readOnly?: boolean; subPath?: string }
export type VolumeType = 'emptyDir' | 'configMap' | 'secret' | 'pvc' | 'other';
/** A pod volume; source names the ConfigMap, Secret or claim (not for emptyDir). */
export interface VolumeForm { name: string; type: VolumeType; source?: string }
export interface ResourcesForm { requestCpu?: string; requestMemory?: string; limitCpu?: string; limitMemory?: string }
export interface ContainerForm {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: PortForm[];
  env?: EnvForm[];
  resources?: ResourcesForm;
  livenessProbe?: ProbeForm | null;
  readinessProbe?: ProbeForm | null;
  startupProbe?: ProbeForm | null;
  volumeMounts?: MountForm[];
}
export interface ServicePortForm { name?: string; port?: number; targetPort?: number; nodePort?: number; protocol?: string }
export interface ServiceForm { type: 'ClusterIP' | 'NodePort'; ports: ServicePortForm[] }

export interface WorkloadForm {
  kind: FormKind;
  name: string;
  namespace: string;
  replicas?: number;
  labels?: Record<string, string>;
  containers: ContainerForm[];
  volumes?: VolumeForm[];
  service?: ServiceForm | null;
}

export type FormErrors = Record<string, string>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function emptyForm(namespace: string): WorkloadForm {
  return {
    kind: 'deployments', name: '', namespace, replicas: 1, labels: {},
    containers: [{ name: 'main', image: '', ports: [], env: [], resources: {}, volumeMounts: [] }],
    volumes: [],
    service: null,
  };
}

export function isDnsLabel(v: string | undefined): boolean {
  return !!v && v.length <= 63 && DNS1123_LABEL.test(v);
}

export function isQuantity(v: string | undefined): boolean {
  return !!v && QUANTITY.test(v) && !v.startsWith('-');
}

export function isLabelKey(k: string): boolean {
  const slash = k.indexOf('/');
  const prefix = slash >= 0 ? k.substring(0, slash) : undefined;
  const name = slash >= 0 ? k.substring(slash + 1) : k;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

export function isLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && LABEL_NAME.test(v));
}

const LABEL_MESSAGE = "must be a DNS-1123 label: lower-case letters, digits and '-', at most 63";

/** Every invalid field, keyed by the path the server uses (containers[0].image, service.ports[1].nodePort). */
export function validateForm(f: WorkloadForm): FormErrors {
  const e: FormErrors = {};
  if (!isDnsLabel(f.name)) e.name = LABEL_MESSAGE;
  if (!isDnsLabel(f.namespace)) e.namespace = LABEL_MESSAGE;
  if (f.replicas !== undefined && (f.replicas < 0 || !Number.isInteger(f.replicas))) e.replicas = 'must be 0 or more';
  for (const [k, v] of Object.entries(f.labels ?? {})) {
    if (!isLabelKey(k) || !isLabelValue(v)) e['labels.' + k] = `'${k}=${v}' is not a valid label`;
  }
  const volumes = new Set<string>();
  (f.volumes ?? []).forEach((v, i) => {
    const p = `volumes[${i}]`;
    if (!isDnsLabel(v.name)) e[p + '.name'] = LABEL_MESSAGE;
    else if (volumes.has(v.name)) e[p + '.name'] = `'${v.name}' is used twice`;
    if (v.name) volumes.add(v.name);
    if (!VOLUME_TYPES.includes(v.type)) e[p + '.type'] = 'must be configMap, secret, pvc or emptyDir';
    else if (v.type !== 'emptyDir' && v.type !== 'other' && !v.source?.trim()) e[p + '.source'] = `name the ${v.type} to mount`;
  });
  if (f.containers.length === 0) e.containers = 'at least one container is required';
  const names = new Set<string>();
  f.containers.forEach((c, i) => {
    const p = `containers[${i}]`;
    if (!isDnsLabel(c.name)) e[p + '.name'] = LABEL_MESSAGE;
    else if (names.has(c.name)) e[p + '.name'] = `'${c.name}' is used twice`;
    names.add(c.name);
    if (!c.image || /\s/.test(c.image)) e[p + '.image'] = 'is required, without spaces, e.g. nginx:1.27';
    (c.ports ?? []).forEach((port, j) => portCheck(e, `${p}.ports[${j}].containerPort`, port.containerPort, true));
    (c.env ?? []).forEach((env, j) => {
      if (!env.name?.trim()) e[`${p}.env[${j}].name`] = 'is required';
      if ((env.source === 'configMap' || env.source === 'secret') && (!env.refName || !env.refKey)) {
        e[`${p}.env[${j}]`] = `name the ${env.source} and its key`;
      }
    });
    for (const which of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) probeCheck(e, `${p}.${which}`, c[which]);
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!m.name || !volumes.has(m.name)) e[`${p}.volumeMounts[${j}].name`] = `mounts volume '${m.name}', which is not among the volumes`;
      if (!m.mountPath || !m.mountPath.startsWith('/')) e[`${p}.volumeMounts[${j}].mountPath`] = 'must be an absolute path';
    });
    const r = c.resources ?? {};
    for (const key of ['requestCpu', 'requestMemory', 'limitCpu', 'limitMemory'] as const) {
      const v = r[key];
      if (v && !isQuantity(v)) e[`${p}.resources.${key}`] = `'${v}' is not a quantity such as 500m, 2 or 256Mi`;
    }
  });
  if (f.service) {
    if (f.service.type !== 'ClusterIP' && f.service.type !== 'NodePort') e['service.type'] = 'must be ClusterIP or NodePort';
    f.service.ports.forEach((sp, i) => {
      portCheck(e, `service.ports[${i}].port`, sp.port, true);
      portCheck(e, `service.ports[${i}].targetPort`, sp.targetPort, false);
      if (sp.nodePort !== undefined && (sp.nodePort < 30000 || sp.nodePort > 32767)) {
        e[`service.ports[${i}].nodePort`] = 'must be between 30000 and 32767';
      }
    });
  }
  return e;
}

const VOLUME_TYPES: VolumeType[] = ['configMap', 'secret', 'pvc', 'emptyDir', 'other'];
const PROBE_TYPES: ProbeType[] = ['http', 'tcp', 'exec', 'other'];

/** Mirrors WorkloadFormValidator.probe. */
function probeCheck(e: FormErrors, p: string, probe: ProbeForm | null | undefined): void {
  if (!probe) return;
  if (!PROBE_TYPES.includes(probe.type)) { e[p + '.type'] = 'must be http, tcp or exec'; return; }
  if (probe.type === 'http' || probe.type === 'tcp') portCheck(e, p + '.port', probe.port, true);
  if (probe.type === 'exec' && (probe.command ?? []).length === 0) e[p + '.command'] = 'an exec probe needs a command';
  if (probe.type === 'http' && probe.path && !probe.path.startsWith('/')) e[p + '.path'] = 'must start with /, e.g. /healthz';
  if (probe.initialDelaySeconds !== undefined && (Number.isNaN(probe.initialDelaySeconds) || probe.initialDelaySeconds < 0)) {
    e[p + '.initialDelaySeconds'] = 'must be 0 or more';
  }
  for (const k of ['periodSeconds', 'timeoutSeconds', 'failureThreshold'] as const) {
    const v = probe[k];
    if (v !== undefined && (Number.isNaN(v) || v < 1)) e[`${p}.${k}`] = 'must be 1 or more';
  }
}

function portCheck(e: FormErrors, field: string, port: number | undefined, required: boolean): void {
  if (port === undefined || Number.isNaN(port)) {
    if (required) e[field] = 'is required';
  } else if (!Number.isInteger(port) || port < 1 || port > 65535) {
    e[field] = 'must be between 1 and 65535';
  }
}

const API_KIND: Record<FormKind, string> = { deployments: 'Deployment', statefulsets: 'StatefulSet', daemonsets: 'DaemonSet' };
const FORM_KIND: Record<string, FormKind> = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets' };

type Obj = Record<string, unknown>;

function compact<T extends Obj>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' &&
    !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0))) as T;
}

/** The Kubernetes objects the server creates for this form (the workload, then the optional Service). */
export function formToObjects(f: WorkloadForm): Obj[] {
  const selector = { 'app.kubernetes.io/name': f.name };
  const containers = f.containers.map((c) => compact({
    name: c.name,
    image: c.image,
    command: c.command,
    args: c.args,
    ports: (c.ports ?? []).map((p) => compact({ name: p.name, containerPort: p.containerPort, protocol: p.protocol })),
    env: (c.env ?? []).filter((env) => env.source !== 'other').map((env) => env.source === 'configMap' || env.source === 'secret'
      ? { name: env.name, valueFrom: { [env.source === 'secret' ? 'secretKeyRef' : 'configMapKeyRef']: { name: env.refName, key: env.refKey } } }
      : { name: env.name, value: env.value ?? '' }),
    resources: compact({
      requests: compact({ cpu: c.resources?.requestCpu, memory: c.resources?.requestMemory }),
      limits: compact({ cpu: c.resources?.limitCpu, memory: c.resources?.limitMemory }),
    }),
    livenessProbe: probeToObject(c.livenessProbe),
    readinessProbe: probeToObject(c.readinessProbe),
    startupProbe: probeToObject(c.startupProbe),
    volumeMounts: (c.volumeMounts ?? []).map((m) => compact({ name: m.name, mountPath: m.mountPath, readOnly: m.readOnly || undefined, subPath: m.subPath })),
  }));
  const volumes = (f.volumes ?? []).filter((v) => v.type !== 'other').map(volumeToObject);
  const spec: Obj = compact({
    replicas: f.kind === 'daemonsets' ? undefined : f.replicas,
    serviceName: f.kind === 'statefulsets' ? f.name : undefined,
    selector: { matchLabels: selector },
    template: { metadata: { labels: { ...selector } }, spec: compact({ containers, volumes }) },
  });
  const workload: Obj = {
    apiVersion: 'apps/v1',
    kind: API_KIND[f.kind],
    metadata: compact({ name: f.name, namespace: f.namespace, labels: f.labels }),
    spec,
  };
  if (!f.service || f.service.ports.length === 0) return [workload];
  const service: Obj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: compact({ name: f.name, namespace: f.namespace, labels: { ...selector } }),
    spec: {
      type: f.service.type,
      selector,
      ports: f.service.ports.map((p) => compact({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port,
        nodePort: f.service?.type === 'NodePort' ? p.nodePort : undefined, protocol: p.protocol ?? 'TCP' })),
    },
  };
  return [workload, service];
}

/** Mirrors WorkloadForms.probe (an http probe without a path probes /). */
export function probeToObject(p: ProbeForm | null | undefined): Obj | undefined {
  if (!p || p.type === 'other') return undefined;
  const handler: Obj = p.type === 'http' ? { httpGet: { path: p.path || '/', port: p.port } }
    : p.type === 'tcp' ? { tcpSocket: { port: p.port } } : { exec: { command: p.command ?? [] } };
  return compact({ ...handler, initialDelaySeconds: p.initialDelaySeconds, periodSeconds: p.periodSeconds,
    timeoutSeconds: p.timeoutSeconds, failureThreshold: p.failureThreshold });
}

export function probeFromObject(o: unknown): ProbeForm | null {
  if (!o || typeof o !== 'object') return null;
  const p = o as Obj;
  const http = p.httpGet as Obj | undefined;
  const tcp = p.tcpSocket as Obj | undefined;
  const exec = p.exec as Obj | undefined;
  const port = (http ?? tcp)?.port;
  const type: ProbeType = port !== undefined && typeof port !== 'number' ? 'other'
    : http ? 'http' : tcp ? 'tcp' : exec ? 'exec' : 'other';
  return compact({
    type, path: type === 'http' ? str(http?.path) : undefined, port: type === 'http' || type === 'tcp' ? port as number : undefined,
    command: type === 'exec' ? (exec?.command as string[] | undefined) : undefined,
    initialDelaySeconds: p.initialDelaySeconds as number | undefined, periodSeconds: p.periodSeconds as number | undefined,
    timeoutSeconds: p.timeoutSeconds as number | undefined, failureThreshold: p.failureThreshold as number | undefined,
  }) as ProbeForm;
}

function volumeToObject(v: VolumeForm): Obj {
  switch (v.type) {
    case 'configMap': return { name: v.name, configMap: { name: v.source } };
    case 'secret': return { name: v.name, secret: { secretName: v.source } };
    case 'pvc': return { name: v.name, persistentVolumeClaim: { claimName: v.source } };
    default: return { name: v.name, emptyDir: {} };
  }
}

function volumeFromObject(o: Obj): VolumeForm {
  const name = String(o.name ?? '');
  if (o.configMap) return { name, type: 'configMap', source: str((o.configMap as Obj).name) };
  if (o.secret) return { name, type: 'secret', source: str((o.secret as Obj).secretName) };
  if (o.persistentVolumeClaim) return { name, type: 'pvc', source: str((o.persistentVolumeClaim as Obj).claimName) };
  if (o.emptyDir) return { name, type: 'emptyDir' };
  return { name, type: 'other' };
}

export function formToYaml(f: WorkloadForm): string {
  return formToObjects(f).map((o) => stringify(o)).join('---\n');
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

/** Reads a workload object (and an optional Service of the same name) back into the form. */
export function objectsToForm(objects: Obj[]): WorkloadForm {
  const workload = objects.find((o) => typeof o.kind === 'string' && FORM_KIND[o.kind as string]);
  if (!workload) throw new Error('no Deployment, StatefulSet or DaemonSet in the document');
  const meta = (workload.metadata ?? {}) as Obj;
  const spec = (workload.spec ?? {}) as Obj;
  const podSpec = (((spec.template ?? {}) as Obj).spec ?? {}) as Obj;
  const containers = ((podSpec.containers ?? []) as Obj[]).map((c): ContainerForm => {
    const res = (c.resources ?? {}) as { requests?: Obj; limits?: Obj };
    return {
      name: String(c.name ?? ''),
      image: String(c.image ?? ''),
      command: c.command as string[] | undefined,
      args: c.args as string[] | undefined,
      ports: ((c.ports ?? []) as Obj[]).map((p) => compact({ name: str(p.name), containerPort: p.containerPort as number, protocol: str(p.protocol) })),
      env: ((c.env ?? []) as Obj[]).map((env): EnvForm => {
        const from = env.valueFrom as Obj | undefined;
        const ref = (from?.secretKeyRef ?? from?.configMapKeyRef) as Obj | undefined;
        if (ref) return { name: String(env.name), source: from?.secretKeyRef ? 'secret' : 'configMap', refName: str(ref.name), refKey: str(ref.key) };
        if (from) return { name: String(env.name), source: 'other' };
        return { name: String(env.name), value: str(env.value) ?? '' };
      }),
      resources: compact({ requestCpu: str(res.requests?.cpu), requestMemory: str(res.requests?.memory),
        limitCpu: str(res.limits?.cpu), limitMemory: str(res.limits?.memory) }),
      ...(c.livenessProbe ? { livenessProbe: probeFromObject(c.livenessProbe) } : {}),
      ...(c.readinessProbe ? { readinessProbe: probeFromObject(c.readinessProbe) } : {}),
      ...(c.startupProbe ? { startupProbe: probeFromObject(c.startupProbe) } : {}),
      ...(c.volumeMounts ? { volumeMounts: (c.volumeMounts as Obj[]).map((m) => compact({ name: String(m.name ?? ''), mountPath: String(m.mountPath ?? ''),
        readOnly: m.readOnly === true ? true : undefined, subPath: str(m.subPath) }) as MountForm) } : {}),
    };
  });
  const kind = FORM_KIND[workload.kind as string];
  const form: WorkloadForm = {
    kind,
    name: String(meta.name ?? ''),
    namespace: String(meta.namespace ?? ''),
    replicas: kind === 'daemonsets' ? undefined : (spec.replicas as number | undefined) ?? 1,
    labels: (meta.labels ?? {}) as Record<string, string>,
    containers,
    ...(podSpec.volumes ? { volumes: (podSpec.volumes as Obj[]).map(volumeFromObject) } : {}),
    service: null,
  };
  const svc = objects.find((o) => o.kind === 'Service');
  if (svc) {
    const s = (svc.spec ?? {}) as Obj;
    form.service = {
      type: s.type === 'NodePort' ? 'NodePort' : 'ClusterIP',
      ports: ((s.ports ?? []) as Obj[]).map((p) => compact({ name: str(p.name), port: p.port as number,
        targetPort: typeof p.targetPort === 'number' ? p.targetPort : undefined, nodePort: p.nodePort as number | undefined,
        protocol: str(p.protocol) })),
    };
  }
  return form;
}

/** Parses multi-document YAML into objects; throws with the parser's message on bad YAML. */
export function parseYamlDocuments(text: string): Obj[] {
  return text.split(/^---\s*$/m).map((d) => d.trim()).filter((d) => d.length > 0).map((d) => parse(d) as Obj)
    .filter((o) => o && typeof o === 'object');
}

export function yamlToForm(text: string): WorkloadForm {
  return objectsToForm(parseYamlDocuments(text));
}

/** Objects as YAML for the editor (drops status and server-owned metadata). */
export function objectToYaml(o: Obj): string {
  const copy: Obj = { ...o };
  delete copy.status;
  const meta = { ...((copy.metadata ?? {}) as Obj) };
  for (const k of ['managedFields', 'uid', 'creationTimestamp', 'generation', 'resourceVersion', 'selfLink']) delete meta[k];
  copy.metadata = meta;
  return stringify(copy);
}
