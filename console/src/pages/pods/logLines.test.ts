import { describe, expect, it } from 'vitest';
import { appendLines, searchLines } from './logLines';

describe('log view', () => {
  it('keeps only the newest lines', () => {
    expect(appendLines(['a', 'b'], ['c', 'd'], 3)).toEqual(['b', 'c', 'd']);
    expect(appendLines([], ['x'], 3)).toEqual(['x']);
  });

  it('finds lines case-insensitively and keeps their numbers', () => {
    expect(searchLines(['GET /a 200', 'error: boom', 'GET /b 500'], 'GET')).toEqual([{ n: 1, text: 'GET /a 200' }, { n: 3, text: 'GET /b 500' }]);
    expect(searchLines(['a', 'b'], '  ')).toHaveLength(2);
  });
});
