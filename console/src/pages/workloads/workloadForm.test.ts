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
