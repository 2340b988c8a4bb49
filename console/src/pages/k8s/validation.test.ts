import { describe, expect, it } from 'vitest';
import { keyValueYaml, dataKeyError } from './keyValues';
import { namespaceRequest } from './NamespaceCreateDialog';
import {
  formatTaint, labelKeyError, labelRowErrors, labelValueError, namespaceNameError, parseTaint, taintRowErrors, userLabelsFirst,
} from './validation';

describe('label and taint validation', () => {
  it('accept qualified names with and without a DNS prefix', () => {
    for (const k of ['app', 'app.kubernetes.io/name', 'example.com/My_Key-1', 'a']) expect(labelKeyError(k), k).toBeUndefined();
  });

  it('refuse keys Kubernetes refuses', () => {
    expect(labelKeyError('')).toBe('k8s.valid.required');
    expect(labelKeyError('-app')).toBe('k8s.valid.name');
    expect(labelKeyError('a b')).toBe('k8s.valid.name');
    expect(labelKeyError('x'.repeat(64))).toBe('k8s.valid.tooLong63');
    expect(labelKeyError('Example.com/app')).toBe('k8s.valid.prefix');
    expect(labelKeyError('/app')).toBe('k8s.valid.prefix');
    expect(labelKeyError('a/b/c')).toBe('k8s.valid.name');
    expect(labelKeyError('example.com/')).toBe('k8s.valid.required');
  });

  it('accept empty values and refuse long or odd ones', () => {
    expect(labelValueError('')).toBeUndefined();
    expect(labelValueError('v1.2_x')).toBeUndefined();
    expect(labelValueError('v'.repeat(64))).toBe('k8s.valid.tooLong63');
    expect(labelValueError('a/b')).toBe('k8s.valid.value');
    expect(labelValueError('x-')).toBe('k8s.valid.value');
  });

  it('name the row and field of each error, duplicates included', () => {
    expect(labelRowErrors([{ key: 'app', value: 'web' }, { key: 'app', value: 'bad value' }])).toEqual({
      '1.key': 'k8s.valid.duplicate', '1.value': 'k8s.valid.value',
    });
    expect(taintRowErrors([{ key: 'gpu', value: '', effect: 'NoSchedule' }, { key: 'gpu', value: '', effect: 'NoExecute' }])).toEqual({});
    expect(taintRowErrors([{ key: 'gpu', value: '', effect: 'Sometimes' }, { key: 'gpu', value: '', effect: 'Sometimes' }])).toEqual({
      '0.effect': 'k8s.valid.effect', '1.key': 'k8s.valid.duplicate', '1.effect': 'k8s.valid.effect',
    });
  });

  it('read and write taints as the server lists them', () => {
    expect(parseTaint('dedicated=gpu:NoSchedule')).toEqual({ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' });
    expect(parseTaint('node-role.kubernetes.io/control-plane:NoSchedule')).toEqual({ key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' });
    expect(formatTaint({ key: 'a', value: '', effect: 'NoExecute' })).toBe('a:NoExecute');
    expect(formatTaint(parseTaint('k=v:PreferNoSchedule'))).toBe('k=v:PreferNoSchedule');
  });

  it('list labels a person set before system labels', () => {
    expect(userLabelsFirst({ 'kubernetes.io/hostname': 'n1', team: 'a', 'node-role.kubernetes.io/worker': '', 'beta.kubernetes.io/arch': 'amd64', env: 'prod' })
      .map(([k]) => k)).toEqual(['env', 'team', 'beta.kubernetes.io/arch', 'kubernetes.io/hostname', 'node-role.kubernetes.io/worker']);
  });

  it('check namespace names as DNS-1123 labels', () => {
    expect(namespaceNameError('team-a')).toBeUndefined();
    expect(namespaceNameError('Team_A')).toBe('k8s.valid.dns1123Label');
    expect(namespaceNameError('a.b')).toBe('k8s.valid.dns1123Label');
    expect(namespaceNameError('-a')).toBe('k8s.valid.dns1123Label');
    expect(namespaceNameError('a'.repeat(64))).toBe('k8s.valid.tooLong63');
    expect(namespaceNameError('')).toBe('k8s.valid.required');
  });

  it('send only the namespace fields that were filled in', () => {
    expect(namespaceRequest('team-a', '', { cpu: '', memory: '' }, { cpu: '', memory: '' })).toEqual({
      name: 'team-a', quotaPreset: undefined, defaultLimits: undefined, defaultRequests: undefined,
    });
    expect(namespaceRequest('team-a', 'small', { cpu: ' 500m ', memory: '' }, { cpu: '', memory: '256Mi' })).toEqual({
      name: 'team-a', quotaPreset: 'small', defaultLimits: { cpu: '500m' }, defaultRequests: { memory: '256Mi' },
    });
  });

  it('write ConfigMap and Secret YAML from key/value rows, Secret values in base64', () => {
    expect(keyValueYaml('ConfigMap', 'app', 'shop', [{ key: 'mode', value: 'fast' }, { key: '', value: 'dropped' }]))
      .toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: shop\ndata:\n  mode: fast\n');
    expect(keyValueYaml('Secret', 'db', 'shop', [{ key: 'password', value: 'pässword' }])).toContain('password: cMOkc3N3b3Jk');
    expect(dataKeyError('tls.crt')).toBeUndefined();
    expect(dataKeyError('a/b')).toBe('k8s.valid.dataKey');
  });
});

describe('service form', () => {
  it('writes a Service with its selector and ports, named target ports kept as names', async () => {
    const { serviceYaml, parseSelector, portError } = await import('./serviceForm');
    expect(serviceYaml('shop', { name: 'web', type: 'NodePort', selector: 'app=web, tier=fe',
      ports: [{ name: 'http', port: '80', targetPort: 'http', protocol: 'TCP' }, { name: '', port: '53', targetPort: '5353', protocol: 'UDP' }] }))
      .toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: NodePort\n  selector:\n    app: web\n    tier: fe\n'
        + '  ports:\n    - name: http\n      port: 80\n      targetPort: http\n      protocol: TCP\n    - port: 53\n      targetPort: 5353\n      protocol: UDP\n');
    expect(parseSelector('app')).toBeUndefined();
    expect(portError('0')).toBe('k8s.valid.port');
    expect(portError('65535')).toBeUndefined();
    expect(portError('http')).toBe('k8s.valid.port');
    expect(portError('http', true)).toBeUndefined();
  });
});
