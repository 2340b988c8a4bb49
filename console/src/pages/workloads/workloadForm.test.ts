import { describe, expect, it } from 'vitest';
import { emptyForm, formToObjects, formToYaml, isQuantity, validateForm, yamlToForm, type WorkloadForm } from './workloadForm';

function sample(): WorkloadForm {
  return {
    kind: 'deployments', name: 'web', namespace: 'shop', replicas: 3, labels: { tier: 'front' },
    containers: [{
      name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
      env: [{ name: 'MODE', value: 'prod' }, { name: 'PASSWORD', source: 'secret', refName: 'db', refKey: 'pw' }],
      resources: { requestCpu: '500m', requestMemory: '256Mi', limitCpu: '1', limitMemory: '1Gi' },
    }],
    service: { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080, protocol: 'TCP' }] },
  };
}

describe('form to YAML', () => {
  it('builds a Deployment whose selector matches its pod template, like the server', () => {
    const [deployment] = formToObjects(sample()) as any[];
    expect(deployment.kind).toBe('Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'web' });
    expect(deployment.spec.template.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'web' });
    expect(deployment.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(deployment.spec.template.spec.containers[0].env[1]).toEqual({ name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } });
  });

  it('adds a Service document only when ports are exposed', () => {
    expect(formToYaml(sample()).split('---').length).toBe(2);
    expect(formToObjects({ ...sample(), service: null })).toHaveLength(1);
  });

  it('gives DaemonSets no replicas and StatefulSets a service name', () => {
    expect((formToObjects({ ...sample(), kind: 'daemonsets' })[0] as any).spec.replicas).toBeUndefined();
    expect((formToObjects({ ...sample(), kind: 'statefulsets' })[0] as any).spec.serviceName).toBe('web');
  });

  it('reads its own YAML back into the same form', () => {
    expect(yamlToForm(formToYaml(sample()))).toEqual(sample());
  });

  it('reads a hand-written Deployment without a Service', () => {
    const form = yamlToForm(`apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: dev}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: api
        image: ghcr.io/acme/api:2
`);
    expect(form).toMatchObject({ kind: 'deployments', name: 'api', namespace: 'dev', replicas: 2, service: null });
    expect(form.containers[0]).toMatchObject({ name: 'api', image: 'ghcr.io/acme/api:2' });
  });

  it('refuses YAML without a workload', () => {
    expect(() => yamlToForm('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n')).toThrow(/no Deployment/);
  });
});

describe('validation mirrors the server', () => {
  it('accepts a complete form', () => {
    expect(validateForm(sample())).toEqual({});
  });

  it('names invalid DNS-1123 names, images, quantities and ports with the server field paths', () => {
    const f = sample();
    f.name = 'Web_1';
    f.containers[0].image = 'nginx latest';
    f.containers[0].resources = { requestCpu: '500 m', limitMemory: '1GB' };
    f.containers[0].ports = [{ containerPort: 70000 }];
    f.service!.ports[0].nodePort = 8080;
    const errors = validateForm(f);
    expect(Object.keys(errors).sort()).toEqual([
      'containers[0].image', 'containers[0].ports[0].containerPort', 'containers[0].resources.limitMemory',
      'containers[0].resources.requestCpu', 'name', 'service.ports[0].nodePort',
    ]);
    expect(errors.name).toContain('DNS-1123');
  });

  it('requires a name and an image on a new form', () => {
    expect(Object.keys(validateForm(emptyForm('default'))).sort()).toEqual(['containers[0].image', 'name']);
  });

  it('rejects duplicate container names and bad labels', () => {
    const f = sample();
    f.containers.push({ ...f.containers[0] });
    f.labels = { 'bad key!': 'x' };
    const errors = validateForm(f);
    expect(errors['containers[1].name']).toContain('used twice');
    expect(errors['labels.bad key!']).toBeDefined();
  });

  it('knows Kubernetes quantities', () => {
    for (const ok of ['500m', '2', '0.5', '256Mi', '1Gi', '1e3']) expect(isQuantity(ok)).toBe(true);
    for (const bad of ['', '1GB', '-1', 'm', '1.2.3']) expect(isQuantity(bad)).toBe(false);
  });
});

describe('workload paths', () => {
  it('use the plural kind whatever the summary calls it', async () => {
    const { workloadPath, pluralKind } = await import('./paths');
    expect(pluralKind('Deployment')).toBe('deployments');
    expect(pluralKind('statefulsets')).toBe('statefulsets');
    expect(workloadPath('east', 'shop', 'DaemonSet', 'agent', 'pods')).toBe('/clusters/east/namespaces/shop/workloads/daemonsets/agent?tab=pods');
  });
});

function deep(): WorkloadForm {
  const f = sample();
  f.volumes = [{ name: 'cache', type: 'emptyDir' }, { name: 'conf', type: 'configMap', source: 'web-conf' },
    { name: 'tls', type: 'secret', source: 'web-tls' }, { name: 'data', type: 'pvc', source: 'web-data' }];
  f.containers[0] = {
    ...f.containers[0],
    env: [{ name: 'MODE', value: 'prod' }, { name: 'LEVEL', source: 'configMap', refName: 'web-conf', refKey: 'level' },
      { name: 'PASSWORD', source: 'secret', refName: 'db', refKey: 'pw' }],
    livenessProbe: { type: 'tcp', port: 80, initialDelaySeconds: 5, periodSeconds: 10 },
    readinessProbe: { type: 'http', path: '/ready', port: 80, initialDelaySeconds: 2, periodSeconds: 5 },
    startupProbe: { type: 'exec', command: ['cat', '/tmp/ok'], failureThreshold: 30 },
    volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'conf', mountPath: '/etc/web', readOnly: true },
      { name: 'tls', mountPath: '/tls', readOnly: true }, { name: 'data', mountPath: '/data', subPath: 'web' }],
  };
  return f;
}

describe('env, probes and volumes', () => {
  it('survive form → YAML → form unchanged', () => {
    const f = deep();
    expect(yamlToForm(formToYaml(f))).toEqual(f);
  });

  it('become the Kubernetes fields the server writes', () => {
    const [d] = formToObjects(deep()) as any[];
    const pod = d.spec.template.spec;
    expect(pod.volumes).toEqual([{ name: 'cache', emptyDir: {} }, { name: 'conf', configMap: { name: 'web-conf' } },
      { name: 'tls', secret: { secretName: 'web-tls' } }, { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }]);
    const c = pod.containers[0];
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 80 }, initialDelaySeconds: 2, periodSeconds: 5 });
    expect(c.livenessProbe).toEqual({ tcpSocket: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 });
    expect(c.startupProbe).toEqual({ exec: { command: ['cat', '/tmp/ok'] }, failureThreshold: 30 });
    expect(c.volumeMounts[1]).toEqual({ name: 'conf', mountPath: '/etc/web', readOnly: true });
    expect(c.env[1]).toEqual({ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'web-conf', key: 'level' } } });
  });

  it('read fieldRef env vars and named-port probes as "other", which the server keeps', () => {
    const f = yamlToForm(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      volumes: [{name: host, hostPath: {path: /var}}]
      containers:
      - name: web
        image: nginx
        env: [{name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}]
        livenessProbe: {httpGet: {path: /, port: http}}
`);
    expect(f.containers[0].env).toEqual([{ name: 'NODE', source: 'other' }]);
    expect(f.containers[0].livenessProbe).toEqual({ type: 'other' });
    expect(f.volumes).toEqual([{ name: 'host', type: 'other' }]);
    expect(validateForm(f)).toEqual({});
  });

  it('are validated with the server\'s field paths and messages', () => {
    const f = deep();
    f.volumes!.push({ name: 'cache', type: 'pvc' });
    const c = f.containers[0];
    c.env!.push({ name: '', value: 'x' }, { name: 'REF', source: 'secret', refName: 'db' });
    c.readinessProbe = { type: 'http', path: 'ready', port: 70000, initialDelaySeconds: -1, periodSeconds: 0 };
    c.livenessProbe = { type: 'exec', command: [] };
    c.volumeMounts!.push({ name: 'nope', mountPath: 'relative' });
    const e = validateForm(f);
    expect(e['volumes[4].name']).toBe("'cache' is used twice");
    expect(e['volumes[4].source']).toBe('name the pvc to mount');
    expect(e['containers[0].env[3].name']).toBe('is required');
    expect(e['containers[0].env[4]']).toBe('name the secret and its key');
    expect(e['containers[0].readinessProbe.path']).toBe('must start with /, e.g. /healthz');
    expect(e['containers[0].readinessProbe.port']).toBe('must be between 1 and 65535');
    expect(e['containers[0].readinessProbe.initialDelaySeconds']).toBe('must be 0 or more');
    expect(e['containers[0].readinessProbe.periodSeconds']).toBe('must be 1 or more');
    expect(e['containers[0].livenessProbe.command']).toBe('an exec probe needs a command');
    expect(e['containers[0].volumeMounts[4].name']).toBe("mounts volume 'nope', which is not among the volumes");
    expect(e['containers[0].volumeMounts[4].mountPath']).toBe('must be an absolute path');
    expect(validateForm(deep())).toEqual({});
  });
});
