// A small built-in schema of the kinds the workload form and YAML panel deal with (Deployment,
// StatefulSet, DaemonSet, Service, ConfigMap, Secret, Namespace): key completion at the cursor and
// warnings for keys Kubernetes would not know. Offline (nothing is fetched); pure functions.
import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';

/** A node of the schema: an object's keys, '[]' for a list's items, null for a scalar, 'any' for free-form maps. */
export type SchemaNode = { [key: string]: SchemaNode } | { '[]': SchemaNode } | null | 'any';

const S = null;
const METADATA: SchemaNode = { name: S, namespace: S, labels: 'any', annotations: 'any', generateName: S, ownerReferences: 'any', finalizers: 'any',
  uid: S, resourceVersion: S, generation: S, creationTimestamp: S, managedFields: 'any', deletionTimestamp: S, deletionGracePeriodSeconds: S, selfLink: S };
const KEY_REF: SchemaNode = { name: S, key: S, optional: S };
const ENV: SchemaNode = { name: S, value: S, valueFrom: { configMapKeyRef: KEY_REF, secretKeyRef: KEY_REF, fieldRef: { fieldPath: S, apiVersion: S }, resourceFieldRef: 'any' } };
const PROBE: SchemaNode = { httpGet: { path: S, port: S, scheme: S, host: S, httpHeaders: 'any' }, tcpSocket: { port: S, host: S },
  exec: { command: S }, grpc: { port: S, service: S }, initialDelaySeconds: S, periodSeconds: S, timeoutSeconds: S,
  failureThreshold: S, successThreshold: S, terminationGracePeriodSeconds: S };
const RESOURCES: SchemaNode = { requests: 'any', limits: 'any', claims: 'any' };
const CONTAINER: SchemaNode = { name: S, image: S, imagePullPolicy: S, command: S, args: S, workingDir: S,
  ports: { '[]': { name: S, containerPort: S, protocol: S, hostPort: S, hostIP: S } }, env: { '[]': ENV }, envFrom: 'any',
  resources: RESOURCES, livenessProbe: PROBE, readinessProbe: PROBE, startupProbe: PROBE,
  volumeMounts: { '[]': { name: S, mountPath: S, readOnly: S, subPath: S, subPathExpr: S, mountPropagation: S, recursiveReadOnly: S } },
  volumeDevices: 'any', lifecycle: 'any', securityContext: 'any', stdin: S, stdinOnce: S, tty: S, terminationMessagePath: S,
  terminationMessagePolicy: S, resizePolicy: 'any', restartPolicy: S };
const VOLUME: SchemaNode = { name: S, emptyDir: { medium: S, sizeLimit: S }, configMap: { name: S, items: 'any', defaultMode: S, optional: S },
  secret: { secretName: S, items: 'any', defaultMode: S, optional: S }, persistentVolumeClaim: { claimName: S, readOnly: S },
  hostPath: { path: S, type: S }, projected: 'any', downwardAPI: 'any', nfs: 'any', csi: 'any', ephemeral: 'any' };
const POD_SPEC: SchemaNode = { containers: { '[]': CONTAINER }, initContainers: { '[]': CONTAINER }, volumes: { '[]': VOLUME },
  nodeSelector: 'any', tolerations: 'any', affinity: 'any', serviceAccountName: S, serviceAccount: S, restartPolicy: S,
  terminationGracePeriodSeconds: S, securityContext: 'any', imagePullSecrets: 'any', hostNetwork: S, hostPID: S, hostIPC: S,
  dnsPolicy: S, dnsConfig: 'any', priorityClassName: S, schedulerName: S, topologySpreadConstraints: 'any', nodeName: S,
  automountServiceAccountToken: S, enableServiceLinks: S, hostname: S, subdomain: S, shareProcessNamespace: S, runtimeClassName: S,
  activeDeadlineSeconds: S, hostAliases: 'any', preemptionPolicy: S, priority: S, readinessGates: 'any', overhead: 'any', os: 'any',
  ephemeralContainers: 'any', hostUsers: S, setHostnameAsFQDN: S, resourceClaims: 'any', schedulingGates: 'any', resources: 'any' };
const TEMPLATE: SchemaNode = { metadata: METADATA, spec: POD_SPEC };
const SELECTOR: SchemaNode = { matchLabels: 'any', matchExpressions: 'any' };
const TOP = { apiVersion: S, kind: S, metadata: METADATA, status: 'any' as SchemaNode };

export const KINDS: Record<string, SchemaNode> = {
  Deployment: { ...TOP, spec: { replicas: S, selector: SELECTOR, template: TEMPLATE, strategy: { type: S, rollingUpdate: { maxSurge: S, maxUnavailable: S } },
    minReadySeconds: S, revisionHistoryLimit: S, paused: S, progressDeadlineSeconds: S } },
  StatefulSet: { ...TOP, spec: { replicas: S, selector: SELECTOR, template: TEMPLATE, serviceName: S, podManagementPolicy: S,
    updateStrategy: { type: S, rollingUpdate: 'any' }, volumeClaimTemplates: 'any', minReadySeconds: S, revisionHistoryLimit: S,
    persistentVolumeClaimRetentionPolicy: 'any', ordinals: 'any' } },
  DaemonSet: { ...TOP, spec: { selector: SELECTOR, template: TEMPLATE, updateStrategy: { type: S, rollingUpdate: 'any' }, minReadySeconds: S, revisionHistoryLimit: S } },
  Service: { ...TOP, spec: { type: S, selector: 'any', ports: { '[]': { name: S, port: S, targetPort: S, nodePort: S, protocol: S, appProtocol: S } },
    clusterIP: S, clusterIPs: S, externalIPs: S, externalName: S, externalTrafficPolicy: S, internalTrafficPolicy: S, sessionAffinity: S,
    sessionAffinityConfig: 'any', loadBalancerIP: S, loadBalancerSourceRanges: S, loadBalancerClass: S, ipFamilies: S, ipFamilyPolicy: S,
    publishNotReadyAddresses: S, allocateLoadBalancerNodePorts: S, healthCheckNodePort: S, trafficDistribution: S } },
  ConfigMap: { ...TOP, data: 'any', binaryData: 'any', immutable: S },
  Secret: { ...TOP, type: S, data: 'any', stringData: 'any', immutable: S },
  Namespace: { ...TOP, spec: 'any' },
};

function child(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (node === null || node === undefined) return undefined;
  if (node === 'any') return 'any';
  return (node as Record<string, SchemaNode>)[key];
}

/** The schema node at a path ('[]' steps into list items); undefined when the path leaves the schema. */
export function nodeAt(kind: string | undefined, path: string[]): SchemaNode | undefined {
  let n: SchemaNode | undefined = kind && KINDS[kind] ? KINDS[kind] : TOP;
  for (const p of path) n = child(n, p);
  return n;
}

interface LineInfo { indent: number; dash: number; key?: string; open: boolean }

function info(line: string): LineInfo | null {
  const m = /^(\s*)(-\s+)?(.*)$/.exec(line)!;
  const rest = m[3];
  if (!rest.trim() && !m[2]) return null;
  if (rest.trim().startsWith('#')) return null;
  const dash = m[2] ? m[1].length : -1;
  const indent = m[1].length + (m[2]?.length ?? 0);
  const km = /^([A-Za-z0-9_.\-/]+)\s*:(\s*(#.*)?)?$/.exec(rest.trimEnd());
  const kv = /^([A-Za-z0-9_.\-/]+)\s*:/.exec(rest);
  return { indent, dash, key: km ? km[1] : kv ? kv[1] : undefined, open: !!km };
}

/**
 * The key path of the mapping the cursor's line belongs to (e.g. spec, template, spec, containers, []),
 * read from indentation; lines is the document up to and including the cursor's line.
 */
export function pathAt(lines: string[], cursorLine: number, cursorColumn: number): string[] {
  const path: string[] = [];
  const cur = lines[cursorLine] ?? '';
  const ci = info(cur.substring(0, cursorColumn) + 'x');
  let target = ci ? ci.indent : cursorColumn;
  let arrayAt = ci && ci.dash >= 0 ? ci.dash : -1;
  for (let i = cursorLine - 1; i >= 0; i--) {
    if (arrayAt >= 0) {
      // in a list item: find the key that holds the list (indent ≤ the dash), skipping sibling items
      const l = info(lines[i]);
      if (!l) continue;
      if (l.dash === arrayAt || l.indent > arrayAt) continue;
      if (l.open) { path.push('[]', l.key!); target = l.indent; arrayAt = l.dash; continue; }
      return [];
    }
    const l = info(lines[i]);
    if (!l || l.indent > target) continue;
    if (l.indent === target) {
      if (l.dash >= 0) { arrayAt = l.dash; target = l.dash; }
      continue;
    }
    if (!l.open) return [];
    path.push(l.key!);
    target = l.indent;
    if (l.dash >= 0) { arrayAt = l.dash; target = l.dash; }
  }
  if (arrayAt >= 0) return [];
  return path.reverse();
}

/** Keys offered at the cursor: the schema's keys for that mapping, minus none; [] outside the schema. */
export function completionsAt(text: string, offsetLine: number, column: number): string[] {
  const all = text.split('\n');
  let start = 0;
  for (let i = offsetLine; i >= 0; i--) if (/^---\s*$/.test(all[i] ?? '')) { start = i + 1; break; }
  const doc = all.slice(start, offsetLine + 1);
  const kind = /^kind:\s*(\S+)/m.exec(all.slice(start).join('\n').split(/^---\s*$/m)[0])?.[1];
  const node = nodeAt(kind, pathAt(doc, doc.length - 1, column));
  if (!node || node === 'any') return [];
  return Object.keys(node).filter((k) => k !== '[]');
}

export interface SchemaProblem { message: string; start: number; end: number }

/** Keys the schema does not know, with their offsets in text, for the kinds it covers. */
export function schemaProblems(text: string): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  let docs;
  try { docs = parseAllDocuments(text); } catch { return out; }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) continue;
    const kindNode = isMap(doc.contents) ? doc.contents.get('kind') : undefined;
    const kind = typeof kindNode === 'string' ? kindNode : undefined;
    if (!kind || !KINDS[kind]) continue;
    walk(doc.contents, KINDS[kind], '', out);
  }
  return out;
}

function walk(n: YamlNode | null | undefined, schema: SchemaNode | undefined, path: string, out: SchemaProblem[]): void {
  if (!n || schema === undefined || schema === 'any' || schema === null) return;
  if (isSeq(n)) {
    const items = (schema as Record<string, SchemaNode>)['[]'];
    n.items.forEach((it, i) => walk(it as YamlNode, items, `${path}[${i}]`, out));
    return;
  }
  if (!isMap(n) || '[]' in (schema as object)) return;
  for (const pair of n.items) {
    const k = pair.key;
    if (!isScalar(k)) continue;
    const name = String(k.value);
    const sub = (schema as Record<string, SchemaNode>)[name];
    if (sub === undefined) {
      const range = k.range ?? [0, 0];
      out.push({ message: `${path ? path + '.' : ''}${name} is not a field Kubernetes knows here`, start: range[0], end: range[1] });
    } else {
      walk(pair.value as YamlNode, sub, path ? `${path}.${name}` : name, out);
    }
  }
}
