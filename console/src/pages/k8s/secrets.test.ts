import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { canReadSecrets, decodeSecretValue, encodeSecretValue, maskSecret } from './secrets';

function me(platformRoles: string[], grants: Me['grants'] = []): Me {
  return { username: 'u', source: 'local', authenticatedBy: 'session', groups: [], platformRoles, grants, can: {}, clusters: [] };
}

describe('secret values', () => {
  it('decode base64 UTF-8 text for display', () => {
    expect(decodeSecretValue('c2FuZGJveC1ub3QtYS1zZWNyZXQ=')).toEqual({ text: 'sandbox-not-a-secret', bytes: 20 });
    expect(decodeSecretValue(encodeSecretValue('密码 ü\nline 2'))).toEqual({ text: '密码 ü\nline 2', bytes: 16 });
  });

  it('show binary values only by their size', () => {
    expect(decodeSecretValue(btoa(String.fromCharCode(0xff, 0xfe, 0x00, 0x01)))).toEqual({ bytes: 4 });
    expect(decodeSecretValue(btoa('\u0000\u0001abc'))).toEqual({ bytes: 5 });
    expect(decodeSecretValue('not base64!')).toEqual({ bytes: 0 });
  });

  it('mask every value and keep the keys', () => {
    const masked = maskSecret({ kind: 'Secret', data: { user: 'dXNlcg==', password: 'cGFzcw==' } });
    expect(masked.data).toEqual({ user: '••••••', password: '••••••' });
    expect(JSON.stringify(masked)).not.toContain('cGFzcw==');
  });

  it('offer Reveal to roles that read secrets and not to NS View', () => {
    expect(canReadSecrets(me(['Admin']), 'c1', 'shop')).toBe(true);
    expect(canReadSecrets(me([], [{ role: 'Cluster Admin', scopeKind: 'cluster', scope: 'c1', origin: 'direct' }]), 'c1', 'shop')).toBe(true);
    expect(canReadSecrets(me([], [{ role: 'NS Edit', scopeKind: 'namespace', scope: 'c1/shop', origin: 'direct' }]), 'c1', 'shop')).toBe(true);
    expect(canReadSecrets(me([], [{ role: 'NS Edit', scopeKind: 'namespace', scope: 'c1/shop', origin: 'direct' }]), 'c1', 'other')).toBe(false);
    expect(canReadSecrets(me([], [{ role: 'NS View', scopeKind: 'namespace', scope: 'c1/shop', origin: 'direct' }]), 'c1', 'shop')).toBe(false);
    expect(canReadSecrets(me([], [{ role: 'NS View', scopeKind: 'cluster', scope: 'c1', origin: 'direct' }]), 'c1', 'shop')).toBe(false);
    expect(canReadSecrets(me(['IAM Owner']), 'c1', 'shop')).toBe(false);
    expect(canReadSecrets(null, 'c1', 'shop')).toBe(false);
  });
});
