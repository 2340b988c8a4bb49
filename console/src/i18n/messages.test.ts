import { describe, expect, it } from 'vitest';
import { PARTS } from './catalogs';
import { format } from './I18n';

describe('message files', () => {
  it.each(PARTS)('translate every English key of %s into Chinese', (_name, en, zhCN) => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(PARTS)('keep the same placeholders in both languages in %s', (_name, en, zhCN) => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [k, v] of Object.entries(en)) expect(placeholders(zhCN[k] ?? ''), k).toEqual(placeholders(v));
  });

  it('define every key in one part only', () => {
    const seen = new Map<string, string>();
    for (const [name, en] of PARTS) {
      for (const k of Object.keys(en)) {
        expect(seen.get(k), `${k} in ${name}`).toBeUndefined();
        seen.set(k, name);
      }
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(format('Scale {name} to {n}', { name: 'web', n: 3 })).toBe('Scale web to 3');
    expect(format('{missing}', {})).toBe('{missing}');
  });
});
