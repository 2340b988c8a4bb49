import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import { format } from './I18n';

describe('message files', () => {
  it('translate every English key into Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [k, v] of Object.entries(en)) expect(placeholders((zhCN as Record<string, string>)[k]), k).toEqual(placeholders(v));
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(format('Scale {name} to {n}', { name: 'web', n: 3 })).toBe('Scale web to 3');
    expect(format('{missing}', {})).toBe('{missing}');
  });
});
