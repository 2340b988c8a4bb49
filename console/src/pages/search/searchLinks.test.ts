import { describe, expect, it } from 'vitest';
import { hitPath } from './searchLinks';

const hit = (resource: string, group: string, namespace: string | null, name: string) =>
  ({ cluster: 'east', group, version: 'v1', resource, kind: 'X', namespace, name });

describe('search hits open the object in the console', () => {
  it('pods and workloads open their own pages', () => {
    expect(hitPath(hit('pods', '', 'shop', 'web-1'))).toBe('/clusters/east/namespaces/shop/pods/web-1');
    expect(hitPath(hit('deployments', 'apps', 'shop', 'web'))).toBe('/clusters/east/namespaces/shop/workloads/deployments/web');
    expect(hitPath(hit('cronjobs', 'batch', 'shop', 'nightly'))).toBe('/clusters/east/namespaces/shop/workloads/cronjobs/nightly');
  });

  it('other kinds open the resource browser on their type and namespace', () => {
    expect(hitPath(hit('ingresses', 'networking.k8s.io', 'shop', 'web')))
      .toBe('/clusters/east/resources?type=ingresses.networking.k8s.io&namespace=shop&name=web');
    expect(hitPath(hit('configmaps', '', 'shop', 'cfg'))).toBe('/clusters/east/resources?type=configmaps&namespace=shop&name=cfg');
  });
});
