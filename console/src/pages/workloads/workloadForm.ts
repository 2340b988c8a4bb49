// The workload form model (server: io.flotilla.resource.WorkloadForm), its validation (mirrors
// WorkloadFormValidator, so errors show while typing with the same field paths the server names)
// and its conversion to and from the Kubernetes object / YAML. Pure functions, no I/O.
import { parse, stringify } from 'yaml';

export type FormKind = 'deployments' | 'statefulsets' | 'daemonsets';

export interface PortForm { name?: string; containerPort?: number; protocol?: string }
export interface EnvForm { name: string; source?: 'value' | 'configMap' | 'secret'; value?: string; refName?: string; refKey?: string }
export interface ResourcesForm { requestCpu?: string; requestMemory?: string; limitCpu?: string; limitMemory?: string }
export interface ContainerForm {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: PortForm[];
  env?: EnvForm[];
  resources?: ResourcesForm;
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
    containers: [{ name: 'main', image: '', ports: [], env: [], resources: {} }],
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
      if (!env.name) e[`${p}.env[${j}].name`] = 'is required';
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
    env: (c.env ?? []).map((env) => env.source === 'configMap' || env.source === 'secret'
      ? { name: env.name, valueFrom: { [env.source === 'secret' ? 'secretKeyRef' : 'configMapKeyRef']: { name: env.refName, key: env.refKey } } }
      : { name: env.name, value: env.value ?? '' }),
    resources: compact({
      requests: compact({ cpu: c.resources?.requestCpu, memory: c.resources?.requestMemory }),
      limits: compact({ cpu: c.resources?.limitCpu, memory: c.resources?.limitMemory }),
    }),
  }));
  const spec: Obj = compact({
    replicas: f.kind === 'daemonsets' ? undefined : f.replicas,
    serviceName: f.kind === 'statefulsets' ? f.name : undefined,
    selector: { matchLabels: selector },
    template: { metadata: { labels: { ...selector } }, spec: { containers } },
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
        return { name: String(env.name), value: str(env.value) ?? '' };
      }),
      resources: compact({ requestCpu: str(res.requests?.cpu), requestMemory: str(res.requests?.memory),
        limitCpu: str(res.limits?.cpu), limitMemory: str(res.limits?.memory) }),
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
