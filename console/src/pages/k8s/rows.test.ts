import { describe, expect, it } from 'vitest';
import { age, configMapRow, hpaRow, ingressRow, pvRow, pvcRow, secretRow, serviceRow, storageClassRow } from './rows';

describe('resource rows', () => {
  it('show a NodePort service with its ports, selector and no external IP', () => {
    expect(serviceRow({ spec: { type: 'NodePort', clusterIP: '10.96.0.12', selector: { app: 'web', tier: 'fe' },
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } })).toEqual({
      type: 'NodePort', clusterIP: '10.96.0.12', externalIP: '<none>', ports: '80:30080/TCP,53/UDP', selector: 'app=web,tier=fe',
    });
  });

  it('show a load balancer pending until it has an address, then the address', () => {
    expect(serviceRow({ spec: { type: 'LoadBalancer', ports: [] } }).externalIP).toBe('<pending>');
    expect(serviceRow({ spec: { type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } }).externalIP).toBe('203.0.113.7');
    expect(serviceRow({ spec: { type: 'ExternalName', externalName: 'db.example.com' } }).externalIP).toBe('db.example.com');
  });

  it('show an ingress class, hosts, address and the TLS port', () => {
    expect(ingressRow({ spec: { ingressClassName: 'nginx', tls: [{ hosts: ['a.example.com'] }], rules: [{ host: 'a.example.com' }, {}] },
      status: { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } } })).toEqual({
      ingressClass: 'nginx', hosts: 'a.example.com,*', address: 'lb.example.com', ports: '80, 443',
    });
    expect(ingressRow({ metadata: { annotations: { 'kubernetes.io/ingress.class': 'traefik' } }, spec: {} }).ingressClass).toBe('traefik');
  });

  it('count ConfigMap keys including binary ones, and Secret keys with their type', () => {
    expect(configMapRow({ data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }).keys).toBe('3');
    expect(configMapRow({}).keys).toBe('0');
    expect(secretRow({ type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } })).toEqual({ secretType: 'kubernetes.io/tls', keys: '2' });
  });

  it('show a bound claim with its volume, capacity and short access modes', () => {
    expect(pvcRow({ spec: { volumeName: 'pv-1', storageClassName: 'standard', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } })).toEqual({
      status: 'Bound', volume: 'pv-1', capacity: '10Gi', accessModes: 'RWO,ROX', storageClass: 'standard',
    });
    expect(pvcRow({ spec: { accessModes: ['ReadWriteMany'] } })).toMatchObject({ status: 'Pending', accessModes: 'RWX', capacity: '' });
  });

  it('show a volume with its reclaim policy and claim', () => {
    expect(pvRow({ spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOncePod'], persistentVolumeReclaimPolicy: 'Delete',
      claimRef: { namespace: 'shop', name: 'data' } }, status: { phase: 'Bound' } })).toEqual({
      capacity: '5Gi', accessModes: 'RWOP', reclaimPolicy: 'Delete', status: 'Bound', claim: 'shop/data', storageClass: '',
    });
  });

  it('mark the default storage class and fill in the API defaults', () => {
    expect(storageClassRow({ metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'csi.example.com',
      volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true })).toEqual({
      provisioner: 'csi.example.com', isDefault: 'default', reclaimPolicy: 'Delete', bindingMode: 'WaitForFirstConsumer', expansion: 'true',
    });
    expect(storageClassRow({ provisioner: 'x' })).toMatchObject({ isDefault: '', bindingMode: 'Immediate', expansion: 'false' });
  });

  it('show an HPA target, replica bounds and metrics as current/target', () => {
    expect(hpaRow({
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10, metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
      ] },
      status: { currentReplicas: 3, desiredReplicas: 4, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 91 } } }] },
    })).toEqual({
      reference: 'Deployment/web', minReplicas: '2', maxReplicas: '10', currentReplicas: '3', desiredReplicas: '4',
      metrics: 'cpu: 91%/80%, memory: <unknown>/500Mi',
    });
  });

  it('print ages as kubectl does', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(age('2026-12-01T11:59:30Z', now)).toBe('30s');
    expect(age('2026-12-01T11:00:00Z', now)).toBe('60m');
    expect(age('2026-11-30T12:00:00Z', now)).toBe('24h');
    expect(age('2026-11-01T12:00:00Z', now)).toBe('30d');
    expect(age(undefined, now)).toBe('');
  });
});
