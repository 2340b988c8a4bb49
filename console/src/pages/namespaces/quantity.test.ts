import { describe, expect, it } from 'vitest';
import { parseQuantity, usage } from './quantity';

describe('quantities', () => {
  it('reads decimal and binary suffixes', () => {
    expect(parseQuantity('500m')).toBeCloseTo(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1Gi')).toBe(1073741824);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('1GB')).toBeUndefined();
  });

  it('turns used/hard into a fraction', () => {
    expect(usage('500m/2').ratio).toBeCloseTo(0.25);
    expect(usage('512Mi/1Gi').ratio).toBeCloseTo(0.5);
    expect(usage('3/0').ratio).toBeUndefined();
    expect(usage('x/1').ratio).toBeUndefined();
  });
});
